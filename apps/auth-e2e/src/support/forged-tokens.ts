import { createHmac, createPublicKey } from 'node:crypto';
import { generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { AUDIENCE, ISSUER } from './test-identity-provider';

const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Claims a real token of the provider would carry, an hour to live. */
export const plausibleClaims = (sub: string): JWTPayload => {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, aud: AUDIENCE, sub, scope: 'orders', iat: now, exp: now + 3600 };
};

/** `alg: none`: no signature at all, the oldest JWT bypass. */
export const unsignedToken = (claims: JWTPayload): string =>
  `${segment({ alg: 'none', typ: 'JWT' })}.${segment(claims)}.`;

/**
 * HS256 "signed" with the provider's public key as the HMAC secret: a
 * verifier that lets the token choose its algorithm would accept it.
 */
export function publicKeyHmacToken(claims: JWTPayload, published: JWK): string {
  const pem = createPublicKey({ key: published as never, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const signingInput = `${segment({ alg: 'HS256', typ: 'JWT', kid: published.kid })}.${segment(claims)}`;
  const signature = createHmac('sha256', pem).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** Well formed, RS256, naming the provider's kid, but signed by a key of the attacker's own. */
export async function impostorToken(claims: JWTPayload, kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
}
