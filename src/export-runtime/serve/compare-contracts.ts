// Whether two bundles take the same input: the same columns, each of the same kind, categorical columns with the same
// levels (as a set: each model re-codes onto its own order). A canary or shadow that differs would accept or refuse
// rows the main model does not, so the service refuses to start with it.

import type { ContractColumn, InputContract } from '../../core/export/input-contract';

const levelsOf = (column: ContractColumn) => (column.kind === 'categorical' ? column.levels : null);
const quoteList = (values: readonly string[], most = 5) => `${values.slice(0, most).map((v) => JSON.stringify(v)).join(', ')}${values.length > most ? ` and ${values.length - most} more` : ''}`;

/** Sentences naming each difference of `other` from `main` (empty when they take the same input). */
export function describeContractDifferences(main: InputContract, other: InputContract): string[] {
  const mainColumns = new Map(main.columns.map((c) => [c.name, c]));
  const otherColumns = new Map(other.columns.map((c) => [c.name, c]));
  const differences: string[] = [];
  const onlyMain = [...mainColumns.keys()].filter((name) => !otherColumns.has(name));
  const onlyOther = [...otherColumns.keys()].filter((name) => !mainColumns.has(name));
  if (onlyMain.length > 0) differences.push(`it does not read ${quoteList(onlyMain)}, which the main model reads`);
  if (onlyOther.length > 0) differences.push(`it reads ${quoteList(onlyOther)}, which the main model does not`);
  for (const [name, column] of mainColumns) {
    const twin = otherColumns.get(name);
    if (twin === undefined) continue;
    if (twin.kind !== column.kind) {
      differences.push(`column "${name}" is ${twin.kind} in it but ${column.kind} in the main model`);
      continue;
    }
    const [mainLevels, otherLevels] = [levelsOf(column) ?? [], levelsOf(twin) ?? []];
    const added = otherLevels.filter((level) => !mainLevels.includes(level));
    const dropped = mainLevels.filter((level) => !otherLevels.includes(level));
    if (added.length > 0) differences.push(`column "${name}" has level${added.length === 1 ? '' : 's'} ${quoteList(added)} that the main model never saw`);
    if (dropped.length > 0) differences.push(`column "${name}" lacks level${dropped.length === 1 ? '' : 's'} ${quoteList(dropped)} that the main model knows`);
  }
  return differences;
}
