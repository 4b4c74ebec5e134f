import { describe, expect, it } from 'vitest';
import { combineBlockDigests, digestBlock, hashBlob, HASH_BLOCK_BYTES } from './hash-blocks';

// 9 MiB + 5 bytes, byte i = i mod 251: two blocks, the second 1 MiB + 5 bytes long.
const bytes = Uint8Array.from({ length: 9 * 1024 * 1024 + 5 }, (_, i) => i % 251);
// python3 -c "import hashlib; n=9*2**20+5; b=bytes(i%251 for i in range(n)); B=8*2**20;
//   print(hashlib.sha256(b''.join(hashlib.sha256(b[i:i+B]).digest() for i in range(0,n,B))).hexdigest())"
const EXPECTED = '72bdc535ae322e66225d6e98e3bf3a99d05a777d72c284296a8bde302ba44f2e';

describe('hashBlob', () => {
  it('is SHA-256 over the SHA-256 digests of the 8 MiB blocks, whether read whole or digested block by block', async () => {
    const blocks = [bytes.slice(0, HASH_BLOCK_BYTES), bytes.slice(HASH_BLOCK_BYTES)];
    expect([
      await hashBlob(new Blob([bytes])),
      await combineBlockDigests(await Promise.all(blocks.map((block) => digestBlock(block)))),
    ]).toEqual([EXPECTED, EXPECTED]);
  });
});
