// The part of papaparse core/csv uses (its `Parser` class), declared for tsconfig.core.json only: @types/papaparse
// references Node's types, which would let core use Node globals unnoticed. The app's tsconfig uses the real types.

declare namespace Papa {
  /** papaparse's core parser (exported, undocumented); `parse` returns `{ data, errors, meta }`. */
  class Parser {
    constructor(config: { delimiter?: string; newline?: string });
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): unknown;
    abort(): void;
    getCharIndex(): number;
  }
}

export default Papa;
