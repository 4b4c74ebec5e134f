// Seeded synthetic binary classification data for the neural bench: 10 standard-normal features, a label from
// a fixed non-linear rule plus noise (so a hidden layer helps). Same seed and size → same numbers.

import { createRandom } from '../lib/generate-csv.mjs';

/** { x: rows × cols row-major (float32-rounded), y: 0/1 labels }. */
export function generateNeuralData({ rows, cols, seed }) {
  const random = createRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const weights = Array.from({ length: cols }, (_, j) => (j % 2 === 0 ? 1 : -0.5) / (1 + j / 3));
  const x = new Array(rows * cols);
  const y = new Array(rows);
  for (let r = 0; r < rows; r++) {
    let score = 0;
    for (let j = 0; j < cols; j++) {
      const v = Math.fround(normal());
      x[r * cols + j] = v;
      score += weights[j] * v;
    }
    score += 0.8 * x[r * cols] * x[r * cols + 1] - 0.5 * x[r * cols + 2] ** 2 + 0.5 + 0.5 * normal();
    y[r] = score > 0 ? 1 : 0;
  }
  return { x, y };
}
