// The Profile cell's runner: the full-table profile (with the Problem's target when it is a column) computed where
// the table is; nothing is published — its alerts suggest steps to a Prepare cell through the view.

import type { TableProfile } from '../../../profile/types';
import type { CellInputs } from '../artifacts';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';

/** The Profile cell's output. */
export interface ProfileOutput {
  readonly profile: TableProfile;
}

/** The target a profile uses: the Problem's target when it is a column of the table, else none. */
export function chooseProfileTarget(inputs: CellInputs): string | null {
  const target = inputs.problem?.target ?? null;
  return target !== null && requireInput(inputs, 'dataset').columns.some((c) => c.name === target) ? target : null;
}

export const profileRunner: CellRunner<'profile', ProfileOutput> = {
  kind: 'profile',
  inputs: ['dataset', 'problem'],
  optional: ['problem'],
  publishes: null,
  outputVersion: 1,
  auto: false,
  describeInputs: (_spec, inputs) => `${requireInput(inputs, 'dataset').key}|target=${JSON.stringify(chooseProfileTarget(inputs))}`,
  async run(_spec, inputs, context) {
    const dataset = requireInput(inputs, 'dataset');
    const target = chooseProfileTarget(inputs);
    const job = { ...(target ? { target } : {}), importWarnings: dataset.warnings };
    const profile = await context.compute.profileTable(dataset.key, job, (done, total) => context.onProgress({ message: 'Profiling', done, total }), context);
    return { profile };
  },
  summarize: ({ profile }) => ({
    rows: profile.rowCount,
    columns: profile.columns.length,
    alerts: profile.alerts.map((alert) => `${alert.severity}: ${alert.message}`),
  }),
};
