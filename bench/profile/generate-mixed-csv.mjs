// Writes the profile bench's seeded 1,000,000 × 20 mixed CSV: 11 numeric columns (decimals, integers, skewed,
// heavy-tailed, one with 5 % missing), 5 categorical (8 and 200 levels, a yes/no, a 3-class label), 2 dates,
// a date-time and an id-like code. Same seed and row count → byte-identical file.
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRandom } from '../lib/generate-csv.mjs';

export const HEADER = ['id', 'amount', 'score', 'age', 'ratio', 'temperature', 'items', 'income', 'latency_ms', 'balance',
  'visits', 'category', 'city', 'active', 'segment', 'label', 'signup_date', 'last_order', 'event_time', 'order_code'];

const CATEGORIES = ['books', 'garden', 'toys', 'music', 'sports', 'grocery', 'beauty', 'tools'];
const CITIES = Array.from({ length: 200 }, (_, i) => `city_${String(i).padStart(3, '0')}`);
const SEGMENTS = ['A', 'B', 'C', 'D', 'E'];
const LABELS = ['low', 'mid', 'high'];
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2015, 0, 1);

/** One CSV line (no newline) for row `i`. */
export function formatMixedRow(i, random) {
  const missing = (p) => random() < p;
  const score = random() * 2 - 1;
  const income = Math.exp(10 + random() * 1.5);
  const segment = Math.floor(random() * SEGMENTS.length);
  const label = score + random() * 0.8 > 0.5 ? 2 : score > -0.3 ? 1 : 0;
  return [
    i,
    missing(0.03) ? '' : (random() * 1000).toFixed(2),
    score.toPrecision(6),
    missing(0.02) ? 'NA' : 18 + Math.floor(random() * 72),
    random().toFixed(4),
    missing(0.01) ? '-' : (random() * 50 - 10).toFixed(1),
    Math.floor(-Math.log(1 - random()) * 3),
    income.toFixed(0),
    (-Math.log(1 - random()) * 40 + (random() < 0.01 ? 2000 : 0)).toFixed(1),
    missing(0.05) ? '' : ((random() - 0.3) * 5000).toFixed(2),
    Math.floor(random() * random() * 50),
    CATEGORIES[Math.floor(random() * CATEGORIES.length)],
    missing(0.02) ? '' : CITIES[Math.floor(random() * random() * CITIES.length)],
    random() < 0.6 ? 'yes' : 'no',
    SEGMENTS[segment],
    LABELS[label],
    missing(0.01) ? '' : new Date(START_MS + Math.floor(random() * 3650) * DAY_MS).toISOString().slice(0, 10),
    new Date(START_MS + Math.floor(random() * 3650) * DAY_MS).toISOString().slice(0, 10),
    new Date(START_MS + Math.floor((random() * 3650 * DAY_MS) / 1000) * 1000).toISOString().slice(0, 19),
    `ORD-${(i * 7919 + 100_000).toString(36).toUpperCase()}`,
  ].join(',');
}

/** Writes `rows` data rows unless the file exists already; resolves to its size in bytes. */
export async function generateMixedCsv(path, { rows, seed }) {
  if (existsSync(path) && statSync(path).size > 0) return statSync(path).size;
  mkdirSync(dirname(path), { recursive: true });
  const random = createRandom(seed);
  const out = createWriteStream(path);
  const write = (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write(HEADER.join(',') + '\n');
  for (let row = 0; row < rows; ) {
    const lines = [];
    for (let k = 0; k < 10_000 && row < rows; k += 1) lines.push(formatMixedRow(row++, random));
    await write(lines.join('\n') + '\n');
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
  return statSync(path).size;
}
