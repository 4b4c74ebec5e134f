// Writes a seeded synthetic CSV of about `targetBytes` for the import benchmark: numeric, integer, categorical,
// boolean, date, datetime and id-like text columns, with missing values written as '', 'NA' or '-'.
// Same seed and size → byte-identical file, so runs on different days measure the same input.
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['books', 'garden', 'toys', 'music', 'sports', 'grocery', 'beauty', 'tools'];
const CITIES = Array.from({ length: 200 }, (_, i) => `city_${String(i).padStart(3, '0')}`);
const SEGMENTS = ['A', 'B', 'C', 'D', 'E'];
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2015, 0, 1);

export const HEADER = ['id', 'amount', 'score', 'age', 'ratio', 'temperature', 'items', 'category', 'city', 'segment',
  'active', 'signup_date', 'event_time', 'order_code'];

/** One CSV line (no newline) for row `i`. */
export function formatRow(i, random) {
  const missing = (p) => random() < p;
  const amount = missing(0.03) ? '' : (random() * 1000).toFixed(2);
  const score = (random() * 2 - 1).toPrecision(6);
  const age = missing(0.02) ? 'NA' : String(18 + Math.floor(random() * 72));
  const ratio = random().toFixed(4);
  const temperature = missing(0.01) ? '-' : (random() * 50 - 10).toFixed(1);
  const items = String(Math.floor(-Math.log(1 - random()) * 3));
  const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
  const city = missing(0.02) ? '' : CITIES[Math.floor(random() * random() * CITIES.length)];
  const segment = SEGMENTS[Math.floor(random() * SEGMENTS.length)];
  const active = random() < 0.6 ? 'yes' : 'no';
  const signup = missing(0.01) ? '' : new Date(START_MS + Math.floor(random() * 3650) * DAY_MS).toISOString().slice(0, 10);
  const event = new Date(START_MS + Math.floor(random() * 3650 * DAY_MS / 1000) * 1000).toISOString().slice(0, 19);
  const code = `ORD-${(i * 7919 + 100_000).toString(36).toUpperCase()}`;
  return `${i},${amount},${score},${age},${ratio},${temperature},${items},${category},${city},${segment},${active},${signup},${event},${code}`;
}

/** Writes the file unless one of at least `targetBytes` already exists there; resolves to its size in bytes. */
export async function generateCsv(path, { targetBytes, seed }) {
  if (existsSync(path) && statSync(path).size >= targetBytes) return statSync(path).size;
  mkdirSync(dirname(path), { recursive: true });
  const random = createRandom(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  let row = 0;
  const write = (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  const header = HEADER.join(',') + '\n';
  await write(header);
  bytes += header.length;
  while (bytes < targetBytes) {
    const lines = [];
    for (let k = 0; k < 10_000; k += 1) lines.push(formatRow(row++, random));
    const block = lines.join('\n') + '\n';
    bytes += block.length; // ASCII only, so characters are bytes
    await write(block);
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
  return statSync(path).size;
}
