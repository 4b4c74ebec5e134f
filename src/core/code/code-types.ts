// The shapes a Code cell's run passes around: what the user's code made in the thread that ran it (CodeOutcome),
// and what the compute port hands the runner (CodeResult). Plain data only: both cross a thread boundary.

import type { ColumnInference, ImportWarning } from '../ingest/types';
import type { DatasetArtifact } from '../notebook/runtime/artifacts';
import type { Table } from '../table/types';

/** One line the code wrote with console.log / info / warn / error (debug counts as log). */
export interface ConsoleLine {
  readonly level: 'log' | 'info' | 'warn' | 'error';
  readonly text: string;
}

/** A plotly figure the code returned as `{ plot: { data, layout } }`, as plain JSON. */
export interface CodeFigure {
  readonly data: readonly Record<string, unknown>[];
  readonly layout: Record<string, unknown>;
}

/**
 * Why a run has no result: the source does not parse, it threw, it returned something that is no table, plot or
 * JSON value, it asked for what a Code cell does not offer (`import()`), it ran past its time limit, or Stop.
 */
export type CodeFailure = 'syntax' | 'runtime' | 'return' | 'blocked' | 'time-limit' | 'stopped' | 'crashed';

/** A failed run: the reason, the message ("ReferenceError: x is not defined") and the user's 1-based line when known. */
export interface CodeError {
  readonly reason: CodeFailure;
  readonly message: string;
  readonly line: number | null;
}

/** A value the code returned, as pretty-printed JSON (cut at MAX_VALUE_CHARS, `truncated` then). */
export interface CodeValue {
  readonly json: string;
  readonly truncated: boolean;
}

/** What the code made, in the thread that ran it: a returned table is already typed the way an import types one. */
export type CodeOutcome =
  | {
      readonly kind: 'table';
      readonly table: Table;
      readonly inference: readonly ColumnInference[];
      readonly warnings: readonly ImportWarning[];
      /** The content hash the table's CSV would get on import (core/ingest/hash-blocks.ts). */
      readonly contentHash: string;
    }
  | ({ readonly kind: 'value' } & CodeValue)
  | { readonly kind: 'plot'; readonly figure: CodeFigure }
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly error: CodeError };

/** What the user's code gets as `input`: the table above, named, or null when there is none. */
export interface CodeInputTable {
  readonly name: string;
  readonly table: Table;
}

/** One run of a Code cell, as a runner asks a compute port for it. */
export interface CodeRequest {
  readonly cellId: string;
  readonly source: string;
  /** The dataset above (the code's `input`): its key, by which the port finds the table, and its name; null for none. */
  readonly input: { readonly key: string; readonly name: string } | null;
  /** The name a returned table is stored under ("penguins (Code output)"). */
  readonly outputName: string;
  /** Wall-clock limit of the user's code, from the moment it starts (loading the thread is not counted). */
  readonly timeLimitMs: number;
}

/** What the console kept of a run: its first lines and how many more there were. */
export interface CodeConsole {
  readonly console: readonly ConsoleLine[];
  /** Lines written past the cap (MAX_CONSOLE_LINES), not kept. */
  readonly consoleDropped: number;
  /** Wall time of the user's code. */
  readonly durationMs: number;
}

/** A Code cell's run as the port returns it: a returned table is stored as a dataset, named by its key. */
export type CodeResult = CodeConsole &
  (
    | {
        readonly kind: 'table';
        readonly dataset: DatasetArtifact;
        /** The first PREVIEW_ROWS rows, for the cell's grid. */
        readonly preview: Table;
      }
    | ({ readonly kind: 'value' } & CodeValue)
    | { readonly kind: 'plot'; readonly figure: CodeFigure }
    | { readonly kind: 'none' }
    | { readonly kind: 'error'; readonly error: CodeError }
  );

/** Most console lines a run keeps (the rest are counted). */
export const MAX_CONSOLE_LINES = 500;
/** Most characters of one console line. */
export const MAX_CONSOLE_LINE_CHARS = 2000;
/** Most characters of a returned value's JSON that are kept. */
export const MAX_VALUE_CHARS = 1_000_000;
/** Rows of a returned table kept in the cell's output for its grid (the whole table is stored as a dataset). */
export const PREVIEW_ROWS = 100;
/** The time limit's bounds and default, in seconds. */
export const TIME_LIMIT_SECONDS = { min: 1, max: 600, default: 10 } as const;
