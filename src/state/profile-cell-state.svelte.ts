// Runtime state of one Profile cell: profiling the upstream table in the compute worker (progress, cancel =
// terminate), and the saved result (profile + the key of its inputs) so a reload shows it without recomputing.

import { proxy, transfer } from 'comlink';
import { createAbortError } from '../core/errors';
import { isLargeForProfile } from '../core/profile/large-table';
import type { TableProfile } from '../core/profile/types';
import { PROFILE_FORMAT_VERSION } from '../core/profile/types';
import { collectTransferables } from '../core/table/table-buffers';
import { callCompute } from '../workers/clients';
import { describeProfileInputKey, type PublishedDataset } from './artifacts';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { SavedOutputCellState } from './saved-output-cell.svelte';

/** What a Profile cell saves as its output: the profile and the key of the inputs it was computed from. */
export interface ProfileOutput {
  profile: TableProfile;
  inputKey: string;
}

/** True when a stored output has the shape this version writes (older or foreign outputs are ignored). */
export function isProfileOutput(value: unknown): value is ProfileOutput {
  if (typeof value !== 'object' || value === null) return false;
  const { profile, inputKey } = value as Partial<ProfileOutput>;
  return typeof inputKey === 'string' && typeof profile === 'object' && profile !== null && profile.formatVersion === PROFILE_FORMAT_VERSION;
}

/** The target a profile should use: the Problem's target when it is a column of the table, else none. */
export function chooseProfileTarget(dataset: PublishedDataset, problemTarget: string | null | undefined): string | null {
  if (!problemTarget) return null;
  return dataset.table.columns.some((column) => column.name === problemTarget) ? problemTarget : null;
}

export class ProfileCellState extends SavedOutputCellState<ProfileOutput> {
  /** Steps done / total while a profile runs; null otherwise. */
  progress = $state.raw<{ done: number; total: number } | null>(null);

  protected isOutput(value: unknown): value is ProfileOutput {
    return isProfileOutput(value);
  }

  /** Starts the compute worker's profile part workers while the user looks at a large table (best effort). */
  prepare(dataset: PublishedDataset): void {
    if (!isLargeForProfile(dataset.table.rowCount, dataset.table.columns.length)) return;
    callCompute((api) => api.prepareProfileLanes()).catch(() => undefined);
  }

  /** Profiles `dataset` (with `target`, if any) in the worker and saves the result; a cancel keeps the old one. */
  async run(dataset: PublishedDataset, target: string | null): Promise<void> {
    this.progress = { done: 0, total: 1 };
    let current = true;
    await this.runAndSave(async (signal) => {
      signal.addEventListener('abort', () => (current = false));
      const request = { ...(target ? { target } : {}), importWarnings: dataset.meta.warnings };
      const onProgress = proxy((done: number, total: number) => {
        if (current) this.progress = { done, total };
      });
      // A copy made in slices and transferred: cloning a big table in one postMessage blocks the page.
      const table = await copyTableForTransfer(dataset.table);
      if (signal.aborted) throw createAbortError();
      const profile = await callCompute((api) => api.profileTable(transfer(table, collectTransferables(table)), request, onProgress), signal);
      return { profile, inputKey: describeProfileInputKey(dataset.key, target) };
    }, { cancelNotice: 'Profile cancelled.' });
    if (current) this.progress = null;
  }
}
