// How the Compare leaderboard writes its scores: four decimals, a dash when missing, CV as mean ± std.

import type { CompareScoreCell } from '../../../core/compare/build-compare-board';

/** "0.9123" for a score, "—" when missing. */
export function formatScoreValue(value: number | null): string {
  return value === null ? '—' : value.toFixed(4);
}

/** "CV 0.9012 ± 0.0210" when the cell has a CV mean, else null. */
export function formatCvScore(cell: CompareScoreCell): string | null {
  return cell.cvMean === null ? null : `CV ${cell.cvMean.toFixed(4)} ± ${(cell.cvStd ?? 0).toFixed(4)}`;
}
