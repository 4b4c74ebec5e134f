// The model registry's records: named models, their numbered versions (each a stored run: fitted pipeline + model)
// with a stage, the editable parts of a version's model card, and the log of every change with the state before.

import type { MonitorHistoryEntry } from '../monitor/monitor-history';
import type { NotebookId } from '../notebook/types';

/** Where a version stands. Exactly one version of a model may be in 'production'. */
export type Stage = 'none' | 'staging' | 'production' | 'archived';

/** What only a person knows about a version; the rest of its card is generated from tracked facts. */
export interface ModelCardEdits {
  readonly intendedUse: string;
  readonly limitations: string;
  readonly ethicalConsiderations: string;
}

export interface ModelVersion {
  /** `${modelName}@${version}`. */
  readonly id: string;
  readonly modelName: string;
  /** 1, 2, … in registration order, never reused. */
  readonly version: number;
  /** The stored run (runs + runFits stores) this version is. */
  readonly runId: string;
  readonly notebookId: NotebookId;
  readonly registeredAt: number;
  readonly stage: Stage;
  readonly card: ModelCardEdits;
  /** The batches the Monitor cell checked against this version, oldest first (absent until one is). */
  readonly monitorHistory?: readonly MonitorHistoryEntry[];
}

export interface RegisteredModel {
  readonly name: string;
  readonly createdAt: number;
  readonly description: string;
}

export type RegistryAction = 'register' | 'set-stage' | 'rollback' | 'edit-card';

/** One change, with every version's stage before and after it (so the log alone replays the history). */
export interface RegistryChange {
  /** `${modelName}#${sequence}`. */
  readonly id: string;
  readonly modelName: string;
  /** 1, 2, … per model in the order the changes were committed (two changes may share `at`). */
  readonly sequence: number;
  /** Epoch ms. */
  readonly at: number;
  readonly action: RegistryAction;
  /** The version acted on. */
  readonly version: number;
  readonly reason: string;
  readonly before: readonly { readonly version: number; readonly stage: Stage }[];
  readonly after: readonly { readonly version: number; readonly stage: Stage }[];
  /** 'edit-card' only: the version's card edits before and after the change. */
  readonly cardBefore?: ModelCardEdits;
  readonly cardAfter?: ModelCardEdits;
}

export const EMPTY_CARD_EDITS: ModelCardEdits = { intendedUse: '', limitations: '', ethicalConsiderations: '' };
