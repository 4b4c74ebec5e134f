// Bearer-token checks: the request's `Authorization: Bearer <token>` against the configured token, compared in
// constant time over SHA-256 digests so neither the content nor the length of the secret leaks through timing.

import { createHash, timingSafeEqual } from 'node:crypto';

/** Why a request was refused: no Authorization header (or another scheme), or a token that does not match. */
export type TokenRefusal = 'missing' | 'invalid';

const digestOf = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** A checker for `token`: null when the header carries it, else why not. */
export function createTokenCheck(token: string): (authorization: string | undefined) => TokenRefusal | null {
  const expected = digestOf(token);
  return (authorization) => {
    const match = /^Bearer[ \t]+(\S.*?)[ \t]*$/i.exec(authorization ?? '');
    if (!match) return 'missing';
    return timingSafeEqual(digestOf(match[1]), expected) ? null : 'invalid';
  };
}

/** The `WWW-Authenticate` header of a 401 (RFC 6750 §3): no error code when credentials were absent. */
export function describeChallenge(refusal: TokenRefusal): string {
  return refusal === 'missing' ? 'Bearer realm="mlstudio"' : 'Bearer realm="mlstudio", error="invalid_token"';
}
