import type { JWK, JWTPayload } from 'jose';
import { AUTH_PORTS } from './auth-ports';

const local = (port: number) => `http://127.0.0.1:${port}`;

/** Where global setup runs everything (fixed ports, so test workers know them). */
export const REGISTRY_URL = local(AUTH_PORTS.shop.registry);
export const GATEWAY_A = local(AUTH_PORTS.shop.gateway);
export const GATEWAY_B = local(AUTH_PORTS.gatewayB);
export const GATEWAY_PROXIED = local(AUTH_PORTS.gatewayProxied);
export const IDENTITY_PROVIDER = local(AUTH_PORTS.jwks);

/** A token the suite's identity provider signs with its current key: `claims` over its defaults. */
export async function issueToken(claims: JWTPayload = {}): Promise<string> {
  const res = await fetch(`${IDENTITY_PROVIDER}/token`, {
    method: 'POST',
    body: JSON.stringify(claims),
  });
  if (!res.ok) throw new Error(`identity provider: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Replaces the provider's signing key; the old one leaves its JWKS at once. */
export async function rotateSigningKey(): Promise<string> {
  const res = await fetch(`${IDENTITY_PROVIDER}/rotate`, { method: 'POST' });
  return ((await res.json()) as { kid: string }).kid;
}

/** The provider's published keys, as anyone (an attacker too) can read them. */
export async function publishedKeys(): Promise<JWK[]> {
  const res = await fetch(`${IDENTITY_PROVIDER}/jwks.json`);
  return ((await res.json()) as { keys: JWK[] }).keys;
}
