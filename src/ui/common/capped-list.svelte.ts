// A long list shown capped: the first `limit` items, and a "Show all n" button that expands it (and "Show fewer"
// back). Cells use it wherever the data decides a list's length (trials, runs, features, slices, warnings), so
// nothing a cell prints grows the page without bound until the user asks for it.

export class CappedList {
  expanded = $state(false);

  constructor(readonly limit: number) {}

  /** The items to draw now. */
  shown<T>(items: readonly T[]): readonly T[] {
    return this.expanded || items.length <= this.limit ? items : items.slice(0, this.limit);
  }

  /** How many items the cap hides (0 when expanded or short). */
  hidden(items: readonly unknown[]): number {
    return this.expanded ? 0 : Math.max(0, items.length - this.limit);
  }
}
