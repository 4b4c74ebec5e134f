// The one-line description of a stored dataset shown in a Data cell.

import { formatBytes, formatShape } from '../../common/format';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

/** The fields of DatasetMeta the summary reads. */
export interface DatasetFacts {
  rowCount: number;
  columnCount: number;
  sourceBytes: number;
  format: string;
  delimiter?: string;
  encoding: string;
}

/** "344 rows × 7 columns · 13.5 KB · csv, comma, UTF-8" (delimiter only for text formats that have one; a prediction log is always UTF-8). */
export function describeDataset(facts: DatasetFacts): string {
  const reading = [facts.format === 'prediction-log' ? 'prediction log' : facts.format];
  if (facts.delimiter) reading.push(DELIMITER_NAMES[facts.delimiter] ?? `“${facts.delimiter}”`);
  if (facts.format !== 'parquet' && facts.format !== 'prediction-log') reading.push(ENCODING_NAMES[facts.encoding] ?? facts.encoding);
  return `${formatShape(facts.rowCount, facts.columnCount)} · ${formatBytes(facts.sourceBytes)} · ${reading.join(', ')}`;
}
