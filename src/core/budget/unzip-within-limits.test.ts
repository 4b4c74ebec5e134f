import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeUnsafeName, unzipWithinLimits, type ZipLimits } from './unzip-within-limits';

const MIB = 1024 * 1024;
const LIMITS: ZipLimits = { what: 'model bundle', retry: 'export the bundle again', maxEntries: 10, maxEntryBytes: 16 * MIB, maxTotalBytes: 32 * MIB };
const fail = (message: string) => new Error(message);

function refusalOf(zip: Uint8Array, limits = LIMITS): string {
  try {
    unzipWithinLimits(zip, limits, fail);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted');
}

/**
 * A zip bomb of the overlapping kind (D. Fifield, "A better zip bomb", 2019): `copies` central-directory entries,
 * named a0000, a0001…, all pointing at one deflated entry of `bytes` zeros. A few KB that inflate to copies × bytes.
 */
function makeOverlappingBomb(bytes: number, copies: number): Uint8Array {
  const base = zipSync({ a0000: new Uint8Array(bytes) }, { level: 9 });
  const eocd = base.length - 22;
  const view = new DataView(base.buffer);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  const out = new Uint8Array(offset + size * copies + 22);
  out.set(base.subarray(0, offset));
  for (let k = 0; k < copies; k++) {
    const header = base.slice(offset, offset + size);
    header.set(strToU8(`a${String(k).padStart(4, '0')}`), 46); // the name, right after the 46-byte fixed part
    out.set(header, offset + k * size);
  }
  const tail = base.slice(eocd);
  const tailView = new DataView(tail.buffer);
  tailView.setUint16(8, copies, true);
  tailView.setUint16(10, copies, true);
  tailView.setUint32(12, size * copies, true);
  out.set(tail, offset + size * copies);
  return out;
}

/** `zip` with the uncompressed size its central directory declares for `name` set to `declared`. */
function declareSize(zip: Uint8Array, name: string, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + length)) === name) view.setUint32(at + 24, declared, true);
  }
  return out;
}

describe('unzipWithinLimits', () => {
  it('unzips what is within the caps', () => {
    const files = unzipWithinLimits(zipSync({ 'manifest.json': strToU8('{}'), 'a/b.txt': strToU8('x') }), LIMITS, fail);
    expect(Object.keys(files)).toEqual(['manifest.json', 'a/b.txt']);
  });

  it('refuses an overlapping zip bomb (8 KB inflating to 400 MB) by its declared total, inflating nothing', () => {
    const bomb = makeOverlappingBomb(4 * MIB, 100);
    expect(bomb.length).toBeLessThan(20_000);
    const limits = { ...LIMITS, maxEntries: 1000 };
    const before = process.memoryUsage().arrayBuffers;
    expect(refusalOf(bomb, limits)).toBe('This model bundle was refused: its entries would inflate to more than 32.0 MB in all, which one ML Studio made never does; export the bundle again.');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * MIB);
  });

  it('the same bomb under a cap it fits reads every copy (the declared sizes were the truth)', () => {
    const files = unzipWithinLimits(makeOverlappingBomb(MIB, 8), { ...LIMITS, maxEntries: 1000 }, fail);
    expect(Object.values(files).map((bytes) => bytes.length)).toEqual(Array(8).fill(MIB));
  });

  it('refuses one entry declaring 3.75 GB, before allocating it', () => {
    const zip = declareSize(zipSync({ 'model.json': new Uint8Array(1000) }), 'model.json', 0xf0000000);
    expect(refusalOf(zip)).toBe('This model bundle was refused: its entry "model.json" would inflate to 3.8 GB, more than the 16.0 MB one entry may, which one ML Studio made never does; export the bundle again.');
  });

  it('an entry that inflates past its declared size is cut at it (so it fails its SHA-256 later), never grown', () => {
    const zip = declareSize(zipSync({ 'model.json': new Uint8Array(1000) }), 'model.json', 10);
    expect(unzipWithinLimits(zip, LIMITS, fail)['model.json'].length).toBe(10);
  });

  it('refuses more entries than the cap', () => {
    const files = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, strToU8('x')]));
    expect(refusalOf(zipSync(files))).toBe('This model bundle was refused: it holds more than 10 entries, which one ML Studio made never does; export the bundle again.');
  });

  it.each([
    ['../x', 'climbs out of the folder with ".."'],
    ['a/../../etc/passwd', 'climbs out of the folder with ".."'],
    ['/etc/passwd', 'has an absolute path'],
    ['a\\..\\b', 'has a backslash in its path (zip paths use "/")'],
    ['C:/Windows/x', 'starts with a drive letter'],
    ['a\u0000b', 'has a NUL character in its name'],
  ])('refuses the path-traversal entry %j', (name, why) => {
    expect(refusalOf(zipSync({ 'manifest.json': strToU8('{}'), [name]: strToU8('x') }))).toBe(`This model bundle was refused: its entry ${JSON.stringify(name)} ${why}, which one ML Studio made never does; export the bundle again.`);
  });

  it('refuses an entry named "__proto__" (it would set the prototype of the files object)', () => {
    // fflate cannot write that name; write another of its length and rename it in both headers.
    const zip = zipSync({ 'manifest.json': strToU8('{}'), xxprotoxx: strToU8('{}') });
    for (let at = zip.indexOf(0x78); at >= 0; at = zip.indexOf(0x78, at + 1)) {
      if (new TextDecoder().decode(zip.subarray(at, at + 9)) === 'xxprotoxx') zip.set(strToU8('__proto__'), at);
    }
    expect(refusalOf(zip)).toBe('This model bundle was refused: its entry "__proto__" is named "__proto__", which one ML Studio made never does; export the bundle again.');
  });

  it('inflates and checks only the entries `keep` accepts', () => {
    const zip = declareSize(zipSync({ 'log.jsonl': strToU8('{}'), '../big.bin': new Uint8Array(10) }), '../big.bin', 0xf0000000);
    expect(Object.keys(unzipWithinLimits(zip, LIMITS, fail, (name) => name.endsWith('.jsonl')))).toEqual(['log.jsonl']);
  });

  it('keeps names with dots that do not climb', () => {
    expect([describeUnsafeName('a/..b/c'), describeUnsafeName('.hidden'), describeUnsafeName('tfjs/group1-shard1of1.bin')]).toEqual([null, null, null]);
  });

  it('a damaged zip is the caller\'s error with the reason', () => {
    expect(refusalOf(strToU8('not a zip'))).toBe('This file is not a readable zip (invalid zip data); export the bundle again.');
  });
});
