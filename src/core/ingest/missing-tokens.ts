// Tells the missing-value tokens of an import ("", "NA", "-"…) from other cells cheaply: most cells are ruled out
// by their length or first character before any lookup (a Set lookup must hash the whole cell first).

/** An import's missing tokens, with the lengths and first characters that rule most cells out. */
export class MissingTokens {
  private readonly set: ReadonlySet<string>;
  private readonly list: readonly string[];
  /** Bit k set when some token has length k (bit 31: 31 or more). */
  private readonly lengths: number;
  /** 1 at the ASCII code of each token's first character (0 for the empty token). */
  private readonly starts = new Uint8Array(128);

  constructor(tokens: ReadonlySet<string>) {
    this.set = tokens;
    this.list = [...tokens];
    let lengths = 0;
    for (const token of tokens) {
      lengths |= token.length < 31 ? 1 << token.length : 1 << 31;
      this.starts[token.length === 0 ? 0 : token.charCodeAt(0) & 127] = 1;
    }
    this.lengths = lengths;
  }

  /** True when the trimmed cell `t` is a token. */
  has(t: string): boolean {
    return this.mayBe(t.length, t.length === 0 ? 0 : t.charCodeAt(0)) && this.set.has(t);
  }

  /** True when text[from, to) is a token, compared in place. */
  hasIn(text: string, from: number, to: number): boolean {
    const length = to - from;
    // Small enough to be inlined into the scan loop; the comparison runs for the few candidates only.
    return this.mayBe(length, length === 0 ? 0 : text.charCodeAt(from)) && this.isListedIn(text, from, to);
  }

  private isListedIn(text: string, from: number, to: number): boolean {
    const length = to - from;
    for (const token of this.list) {
      if (token.length !== length) continue;
      let j = 0;
      while (j < length && token.charCodeAt(j) === text.charCodeAt(from + j)) j++;
      if (j === length) return true;
    }
    return false;
  }

  /** False when no token has this length, or none starts with this (ASCII) character. */
  private mayBe(length: number, first: number): boolean {
    if ((length < 31 ? this.lengths & (1 << length) : this.lengths & (1 << 31)) === 0) return false;
    return first >= 128 || this.starts[first] !== 0;
  }
}
