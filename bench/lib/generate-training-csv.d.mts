// Types of generate-training-csv.mjs for the TypeScript journeys that import it.

/** The table's column names; "churned" (yes/no) is the target. */
export const TRAINING_HEADER: string[];

/** The whole CSV (header + `rows` lines, '\n'-terminated) for `seed`. */
export function formatTrainingCsv(options: { rows: number; seed: number }): string;
