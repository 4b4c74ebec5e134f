// Canary routing: a request carrying the key header goes where the SHA-256 of the key's value falls (the same key
// always gets the same version, so a user sees one model); one without it is routed at random.

import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Where `key` falls in [0, 1): the first 32 bits of its SHA-256, divided by 2^32. */
export function hashToUnit(key: string): number {
  return createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) / 2 ** 32;
}

/** A chooser sending `share` (0..1) of requests to the canary; `random` draws in [0, 1) for requests without the key. */
export function createVersionChooser(share: number, keyHeader: string, random: () => number = Math.random): (headers: IncomingHttpHeaders) => 'main' | 'canary' {
  return (headers) => {
    const value = headers[keyHeader];
    const key = Array.isArray(value) ? value[0] : value;
    const point = key === undefined || key === '' ? random() : hashToUnit(key);
    return point < share ? 'canary' : 'main';
  };
}
