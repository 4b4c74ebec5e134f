// serve.mjs's command-line flags: each with the environment variable that sets it in a container (the flag wins
// when both are given), its default and one line of help. `node serve.mjs --help` prints this table.

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** Environment variables read when the flag is absent, first found wins. */
  env: readonly string[];
  value?: string;
  help: string;
}

export const SERVE_FLAGS = {
  port: { type: 'string', env: ['PORT'], value: '<n>', help: 'port to listen on (default 8080; 0 picks a free one)' },
  model: { type: 'string', env: ['SERVE_MODEL', 'BUNDLE_DIR'], value: '<dir|zip>', help: "the bundle to serve: its folder or its zip (default: serve.mjs's own folder)" },
  canary: { type: 'string', env: ['SERVE_CANARY'], value: '<dir|zip>', help: 'a second bundle with the same input columns, answering a share of requests' },
  'canary-share': { type: 'string', env: ['SERVE_CANARY_SHARE'], value: '<0..1>', help: 'share of requests the canary answers (default 0.1)' },
  'canary-key': { type: 'string', env: ['SERVE_CANARY_KEY'], value: '<header>', help: 'request header whose value picks the version by a stable hash (default x-request-key; requests without it are routed at random)' },
  shadow: { type: 'boolean', env: ['SERVE_SHADOW'], help: 'run --canary on every request after answering from the main model, logging both (its answers are never returned)' },
  token: { type: 'string', env: ['SERVE_TOKEN'], value: '<secret>', help: 'require "Authorization: Bearer <secret>" on /predict, /metadata and /feedback (/health stays open)' },
  'token-file': { type: 'string', env: ['SERVE_TOKEN_FILE'], value: '<path>', help: 'read the token from a file (a mounted secret) instead of --token' },
  'metrics-token': { type: 'string', env: ['SERVE_METRICS_TOKEN'], value: '<secret>', help: 'require this bearer token on /metrics (default: /metrics is open)' },
  'log-predictions': { type: 'string', env: ['SERVE_LOG_PREDICTIONS'], value: '<dir>', help: 'append every scored request to predictions-<start>-<n>.jsonl files in this folder' },
  'log-max-bytes': { type: 'string', env: ['SERVE_LOG_MAX_BYTES'], value: '<n>', help: 'start the next log file once one is this large (default 104857600)' },
  'log-sample': { type: 'string', env: ['SERVE_LOG_SAMPLE'], value: '<0..1>', help: 'share of requests logged, chosen at random (default 1)' },
  'log-fields': { type: 'string', env: ['SERVE_LOG_FIELDS'], value: '<a,b,c>', help: 'input columns kept in the log (default: all; predictions are always kept)' },
  'max-body-bytes': { type: 'string', env: ['MAX_BODY_BYTES'], value: '<n>', help: 'largest request body (default 10485760)' },
  'request-timeout-ms': { type: 'string', env: ['REQUEST_TIMEOUT_MS'], value: '<n>', help: 'time allowed to receive a request (default 30000)' },
  'allow-unseen': { type: 'boolean', env: ['ALLOW_UNSEEN'], help: 'score categories never seen in training instead of answering 422' },
  'value-buckets': { type: 'string', env: ['SERVE_VALUE_BUCKETS'], value: '<a,b,c>', help: 'upper bounds of the regression prediction histogram (default 0 and ±10^k, k = -1…6)' },
  help: { type: 'boolean', env: [], help: 'print this help and exit' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof SERVE_FLAGS;

/** The text `--help` prints. */
export function describeServeFlags(): string {
  const rows = Object.entries(SERVE_FLAGS).map(([name, spec]: [string, FlagSpec]) => {
    const flag = `--${name}${spec.value ? ` ${spec.value}` : ''}`;
    const env = spec.env.length > 0 ? ` [${spec.env.join(', ')}]` : '';
    return `  ${flag.padEnd(30)} ${spec.help}${env}`;
  });
  return [
    'Usage: node serve.mjs [flags]',
    '',
    'Serves the bundle over HTTP: POST /predict, POST /feedback, GET /health, GET /metadata, GET /metrics.',
    'Every flag can also be set by the environment variable in brackets; a flag wins over its variable.',
    '',
    ...rows,
    '',
  ].join('\n');
}
