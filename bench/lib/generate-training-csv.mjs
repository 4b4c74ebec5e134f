// A seeded mixed table for the training bench and the long-task journey: 10 columns — six numeric (two with
// missing values), three categorical (one with missing values) and a binary target "churned" from a noisy rule.
// Same seed and row count → byte-identical text.

import { createRandom } from './generate-csv.mjs';

export const TRAINING_HEADER = ['age', 'income', 'balance', 'visits', 'tenure_months', 'score', 'region', 'plan', 'device', 'churned'];

const REGIONS = ['north', 'south', 'east', 'west', 'central'];
const PLANS = ['basic', 'plus', 'pro'];
const DEVICES = ['android', 'ios', 'web', 'desktop'];

/** One CSV line (no newline); missing values are written as ''. */
function formatTrainingRow(random) {
  const missing = (p) => random() < p;
  const age = 18 + Math.floor(random() * 62);
  const income = Math.exp(9.5 + random() * 1.8);
  const balance = (random() - 0.2) * 8000;
  const visits = Math.floor(-Math.log(1 - random()) * 6);
  const tenure = Math.floor(random() * 120);
  const score = random() * 2 - 1;
  const plan = Math.floor(random() * PLANS.length);
  const logit = 1.2 * score - 0.02 * (tenure - 60) / 2 + 0.15 * visits - 0.6 * plan + (age < 30 ? 0.5 : 0) - 0.3 + (random() - 0.5) * 2;
  return [
    missing(0.02) ? '' : age,
    missing(0.04) ? '' : income.toFixed(2),
    balance.toFixed(2),
    visits,
    tenure,
    score.toFixed(5),
    missing(0.03) ? '' : REGIONS[Math.floor(random() * REGIONS.length)],
    PLANS[plan],
    DEVICES[Math.floor(random() * DEVICES.length)],
    logit > 0 ? 'yes' : 'no',
  ].join(',');
}

/** The whole CSV (header + `rows` lines, '\n'-terminated) for `seed`. */
export function formatTrainingCsv({ rows, seed }) {
  const random = createRandom(seed);
  const lines = [TRAINING_HEADER.join(',')];
  for (let i = 0; i < rows; i++) lines.push(formatTrainingRow(random));
  return lines.join('\n') + '\n';
}
