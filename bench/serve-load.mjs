// The `serve` bench suite (Node only): a load test of serve.mjs on localhost. Exports gradient boosting trained on
// 2,000 rows of the training suite's seeded table (export/make-bundle.ts), starts serve.mjs, and drives it with N
// concurrent keep-alive clients for a bounded time per case: 1-row and 1,000-row JSON requests, without and with
// --log-predictions. Reports requests/s, rows/s and p50 / p99 latency as the client sees it. SERVE_BENCH_SECONDS,
// SERVE_BENCH_CLIENTS and SERVE_BENCH_BUNDLE (a bundle folder to serve instead of exporting one) change a run.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { formatTrainingCsv, TRAINING_HEADER } from './lib/generate-training-csv.mjs';
import { formatMs, formatRate, makeRatio } from './lib/ratios.mjs';

const here = import.meta.dirname;
const out = resolve(here, 'out/serve');
const SECONDS = Number(process.env.SERVE_BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.SERVE_BENCH_CLIENTS ?? 8);
// Long enough for both processes to reach optimised code on a loaded machine (1 s left the first case ~2× slow).
const WARMUP_MS = 3_000;

export const usesSite = false;

/** Request rows as a client would send them: numbers as numbers, '' as null, the target left out. */
function readRows(csv) {
  const numeric = new Set(['age', 'income', 'balance', 'visits', 'tenure_months', 'score']);
  return csv.trim().split('\n').slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(TRAINING_HEADER.slice(0, -1).map((name, i) => [name, cells[i] === '' ? null : numeric.has(name) ? Number(cells[i]) : cells[i]]));
  });
}

/** Starts serve.mjs in `bundle` with `args`; resolves with its port and a stop function once it listens. */
function startServe(bundle, args) {
  const child = spawn(process.execPath, ['serve.mjs', '--port', '0', ...args], { cwd: bundle, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  return new Promise((resolveStart, reject) => {
    let buffer = '';
    const onData = (data) => {
      buffer += data;
      const match = /"event":"listening","port":(\d+)/.exec(buffer);
      if (!match) return;
      child.stdout.off('data', onData);
      child.stdout.resume(); // the per-request lines are read and dropped, as a log collector would
      const stop = () => new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      });
      resolveStart({ port: Number(match[1]), stop });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${stderr}`)));
  });
}

/** CLIENTS loops posting `body` until the deadline; latencies (ms) of requests that started after the warm-up. */
async function drive(port, body) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const post = () => new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/predict', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode));
    });
    req.on('error', fail);
    req.end(body);
  });
  const started = performance.now();
  const measureFrom = started + WARMUP_MS;
  const deadline = measureFrom + SECONDS * 1000;
  const latencies = [];
  let errors = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const status = await post();
      if (t0 >= measureFrom) {
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }
  }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { requests: latencies.length, errors, requestsPerSecond: latencies.length / SECONDS, p50Ms: at(0.5), p99Ms: at(0.99) };
}

export async function run() {
  mkdirSync(out, { recursive: true });
  const trainCsv = resolve(out, 'train-2000.csv');
  if (!existsSync(trainCsv)) writeFileSync(trainCsv, formatTrainingCsv({ rows: 2_000, seed: 3 }));
  // SERVE_BENCH_BUNDLE: serve an already exported bundle folder instead (e.g. one with a patched predict.mjs).
  const bundle = process.env.SERVE_BENCH_BUNDLE ?? resolve(out, 'bundle');
  const made = process.env.SERVE_BENCH_BUNDLE ? { features: JSON.parse(readFileSync(resolve(bundle, 'manifest.json'), 'utf8')).run.featureNames.length }
    : JSON.parse(execFileSync(process.execPath, [resolve(here, '../node_modules/tsx/dist/cli.mjs'), resolve(here, 'export/make-bundle.ts'), trainCsv, bundle], { encoding: 'utf8' }).trim().split('\n').at(-1));
  const rows = readRows(formatTrainingCsv({ rows: 1_000, seed: 5 }));
  const bodies = { 1: JSON.stringify({ rows: rows.slice(0, 1) }), 1000: JSON.stringify({ rows }) };
  const logDir = resolve(out, 'log');
  const cases = [];
  let logBytes = 0;
  for (const logged of [false, true]) {
    rmSync(logDir, { recursive: true, force: true });
    const server = await startServe(bundle, logged ? ['--log-predictions', logDir] : []);
    try {
      for (const size of [1, 1000]) cases.push({ rows: size, logged, bodyBytes: Buffer.byteLength(bodies[size]), ...(await drive(server.port, bodies[size])) });
    } finally {
      await server.stop();
    }
    if (logged) logBytes = readdirSync(logDir).reduce((sum, name) => sum + statSync(resolve(logDir, name)).size, 0);
  }
  return { seconds: SECONDS, clients: CLIENTS, model: made, cases, logBytes };
}

export function describe(result) {
  const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return [
    `gradient boosting on 2,000 rows (${result.model.features} features), ${result.clients} keep-alive clients, ${result.seconds} s per case after ${WARMUP_MS / 1000} s warm-up`,
    'rows/request  log   requests/s      rows/s   p50 ms   p99 ms  errors',
    ...result.cases.map((c) => `${String(c.rows).padStart(13)}  ${(c.logged ? 'on' : 'off').padEnd(4)}${fmt(c.requestsPerSecond, 1).padStart(11)}${fmt(c.requestsPerSecond * c.rows).padStart(12)}${fmt(c.p50Ms, 2).padStart(9)}${fmt(c.p99Ms, 2).padStart(9)}${String(c.errors).padStart(8)}`),
    `prediction log written while logging: ${fmt(result.logBytes / 1e6, 1)} MB`,
  ].join('\n');
}

/** Ratio rows (bench/README.md, "Ratios"): each case stated, without a reference (ratio null). */
export function ratios(result) {
  return result.cases.map((c) => makeRatio({
    what: `serve.mjs POST /predict, ${c.rows} row${c.rows === 1 ? '' : 's'} per request, log ${c.logged ? 'on' : 'off'}, ${result.clients} clients`,
    ours: `${formatRate(c.requestsPerSecond, 'req/s')} (${formatRate(c.requestsPerSecond * c.rows, 'rows/s')}), p50 ${formatMs(c.p50Ms)} / p99 ${formatMs(c.p99Ms)}, ${c.errors} errors`,
    reference: '— (no reference)', ratio: null, target: 'stated', met: null,
  }));
}
