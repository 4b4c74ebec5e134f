// serve.mjs's settings from its flags and environment (node:util parseArgs; a flag wins over its variable). A bad
// or unknown flag is an OptionsError whose message names the flag and the fix; the script prints it and exits 2.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_VALUE_BUCKETS } from './service-metrics';
import { SERVE_FLAGS, type FlagName, type FlagSpec } from './serve-flags';

/** A flag or variable that cannot be used: the server does not start (exit 2). */
export class OptionsError extends Error {
  override readonly name = 'OptionsError';
}

export interface PredictionLogOptions {
  dir: string;
  maxBytes: number;
  /** Share of requests logged (0..1). */
  sample: number;
  /** Input columns kept in each logged row; null keeps every column the model reads. */
  fields: string[] | null;
}

export interface ServeOptions {
  port: number;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  allowUnseen: boolean;
  model: string;
  canary: { source: string; share: number; keyHeader: string; shadow: boolean } | null;
  token: string | null;
  metricsToken: string | null;
  log: PredictionLogOptions | null;
  valueBuckets: number[];
}

type Raw = Partial<Record<FlagName, string | boolean>>;

/** The settings of `argv` (flags only) over `env`; 'help' when --help was asked for. `defaultModel`: serve.mjs's folder. */
export function readServeOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, defaultModel: string): ServeOptions | 'help' {
  const raw = readRaw(argv, env);
  if (raw.help === true) return 'help';
  const text = (name: FlagName) => (typeof raw[name] === 'string' && raw[name] !== '' ? (raw[name] as string) : null);
  const whole = (name: FlagName, fallback: number) => readWhole(name, text(name), fallback);
  const share = (name: FlagName, fallback: number) => readShare(name, text(name), fallback);
  const canarySource = text('canary');
  for (const name of ['canary-share', 'canary-key', 'shadow'] as const) {
    if (canarySource === null && raw[name] !== undefined && raw[name] !== false) throw new OptionsError(`--${name} needs --canary <dir|zip>: give the second bundle, or leave --${name} out.`);
  }
  if (raw.shadow === true && text('canary-share') !== null) throw new OptionsError('--canary-share has no effect with --shadow (the shadow scores every request): leave one of them out.');
  const keyHeader = (text('canary-key') ?? 'x-request-key').toLowerCase();
  if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(keyHeader)) throw new OptionsError(`--canary-key "${keyHeader}" is not an HTTP header name; give one such as x-request-key or x-user-id.`);
  const logDir = text('log-predictions');
  if (logDir === null) {
    for (const name of ['log-max-bytes', 'log-sample', 'log-fields'] as const) if (text(name) !== null) throw new OptionsError(`--${name} needs --log-predictions <dir>: give the log's folder, or leave --${name} out.`);
  }
  for (const name of ['token', 'metrics-token'] as const) if (raw[name] === '') throw new OptionsError(`--${name} is empty: give the secret, or leave --${name} out to run without it.`);
  if (text('token') !== null && text('token-file') !== null) throw new OptionsError('Both --token and --token-file are set: keep one (a file keeps the secret out of the process list).');
  return {
    port: whole('port', 8080),
    maxBodyBytes: whole('max-body-bytes', 10 * 1024 * 1024),
    requestTimeoutMs: whole('request-timeout-ms', 30_000),
    allowUnseen: raw['allow-unseen'] === true,
    model: text('model') ?? defaultModel,
    canary: canarySource === null ? null : { source: canarySource, share: raw.shadow === true ? 0 : share('canary-share', 0.1), keyHeader, shadow: raw.shadow === true },
    token: text('token') ?? (text('token-file') === null ? null : readTokenFile(text('token-file') as string)),
    metricsToken: text('metrics-token'),
    log: logDir === null ? null : {
      dir: logDir, maxBytes: Math.max(1, whole('log-max-bytes', 100 * 1024 * 1024)), sample: share('log-sample', 1),
      fields: text('log-fields')?.split(',').map((f) => f.trim()).filter((f) => f !== '') ?? null,
    },
    valueBuckets: readBuckets(text('value-buckets')),
  };
}

/** Flags from argv, then each absent one from its environment variables. */
function readRaw(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Raw {
  const specs = SERVE_FLAGS as Record<FlagName, FlagSpec>;
  let values: Raw;
  try {
    values = parseArgs({ args: [...argv], options: Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type }])), strict: true, allowPositionals: false }).values as Raw;
  } catch (error) {
    throw new OptionsError(describeParseError(error as Error & { code?: string }));
  }
  for (const [name, spec] of Object.entries(specs) as [FlagName, FlagSpec][]) {
    if (values[name] !== undefined) continue;
    const variable = spec.env.find((key) => env[key] !== undefined && env[key] !== '');
    if (variable === undefined) continue;
    const value = env[variable] as string;
    if (spec.type === 'string') values[name] = value;
    else if (/^(1|true|yes)$/i.test(value)) values[name] = true;
    else if (!/^(0|false|no)$/i.test(value)) throw new OptionsError(`${variable}="${value}" is not a yes/no value; set it to 1 or 0.`);
  }
  return values;
}

function describeParseError(error: Error & { code?: string }): string {
  const quoted = /'([^' ]*)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown flag ${quoted}: run "node serve.mjs --help" for the list.`;
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Unexpected argument ${quoted}: every setting is a flag (e.g. --model ${quoted}); run "node serve.mjs --help".`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take/.test(error.message)) return `${quoted} is a switch and takes no value: write ${quoted} alone.`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${quoted} needs a value: ${quoted} <value>, or ${quoted}=<value> when the value starts with "-".`;
  return `${error.message}; run "node serve.mjs --help".`;
}

function readWhole(name: FlagName, value: string | null, fallback: number): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new OptionsError(`--${name} must be a whole number ≥ 0, got "${value}".`);
  return n;
}

function readShare(name: FlagName, value: string | null, fallback: number): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1 || value.trim() === '') throw new OptionsError(`--${name} must be a share between 0 and 1 (0.1 = 10 %), got "${value}".`);
  return n;
}

function readBuckets(value: string | null): number[] {
  if (value === null) return DEFAULT_VALUE_BUCKETS;
  const bounds = value.split(',').map((part) => Number(part.trim()));
  const ascending = bounds.every((b, i) => Number.isFinite(b) && (i === 0 || b > bounds[i - 1]));
  if (!ascending || bounds.length === 0) throw new OptionsError(`--value-buckets must be ascending numbers separated by commas (e.g. 0,10,100,1000), got "${value}".`);
  return bounds;
}

function readTokenFile(path: string): string {
  let token: string;
  try {
    token = readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new OptionsError(`--token-file "${path}" cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): give a readable file that holds the token.`);
  }
  if (token === '') throw new OptionsError(`--token-file "${path}" is empty: write the token into it.`);
  return token;
}
