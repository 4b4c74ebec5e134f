// A reactive on/off flag for views whose own variable named `state` hides the $state rune (NotebookPage).

export class Toggle {
  open = $state(false);
}

/** Which "Add cell" menu is open: the index where its cell would go (the number of cells for the last menu), or null. */
export class MenuPlace {
  at = $state<number | null>(null);
}

/** Where a dragged cell would land on the cell under the pointer: before it, after it, or nowhere. */
export class DropMark {
  side = $state<'before' | 'after' | null>(null);
}
