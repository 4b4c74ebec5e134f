// The column-oriented, immutable Table every part of ML Studio shares.
// Columns are typed arrays so they cross threads by transfer and go into IndexedDB unchanged.

/** Numbers; NaN is missing. */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  readonly values: Float64Array;
  /** True when every present value is an integer (set by inference; informational). */
  readonly integer?: boolean;
}

/** Categories as codes into `levels`; −1 is missing. */
export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/** Instants as epoch milliseconds (UTC); NaN is missing. */
export interface DatetimeColumn {
  readonly kind: 'datetime';
  readonly name: string;
  readonly values: Float64Array;
}

/** 1 = true, 0 = false, 255 = missing. */
export interface BooleanColumn {
  readonly kind: 'boolean';
  readonly name: string;
  readonly values: Uint8Array;
}

/**
 * Free text or identifiers, kept out of models unless encoded: UTF-8 packed back to back with row offsets
 * (Arrow's layout) so the column crosses threads by transfer; read it with textAt/readTexts (text-column.ts).
 */
export interface TextColumn {
  readonly kind: 'text';
  readonly name: string;
  /** UTF-8 bytes of every present value, back to back. */
  readonly bytes: Uint8Array;
  /** Row r's bytes are bytes[offsets[r] .. offsets[r + 1]); length rowCount + 1. */
  readonly offsets: Uint32Array;
  /** 1 where the row's value is missing. */
  readonly missing: Uint8Array;
  /** True when inference judged the column an identifier (unique per row). */
  readonly idLike?: boolean;
}

export type Column = NumericColumn | CategoricalColumn | DatetimeColumn | BooleanColumn | TextColumn;
export type ColumnKind = Column['kind'];

export const COLUMN_KINDS: readonly ColumnKind[] = ['numeric', 'categorical', 'datetime', 'boolean', 'text'];

/** Missing marker for BooleanColumn.values. */
export const BOOLEAN_MISSING = 255;

export interface Table {
  readonly rowCount: number;
  readonly columns: readonly Column[];
}

/** Row subsets (filters, splits, folds) are row indices, never copies of the data. */
export type RowIndices = Uint32Array;

/** A column at a glance, as the schema view shows it. */
export interface ColumnSummary {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly missing: number;
  /** 0–100. */
  readonly missingPct: number;
  readonly distinct: number;
  /** Up to 5 distinct present values, formatted for display. */
  readonly examples: readonly string[];
}
