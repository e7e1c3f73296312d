import { presentedCredential } from './credential';

const KEY = `jk_0123456789ab_${'a'.repeat(43)}`;
const JWT = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

describe('presentedCredential', () => {
  it('is none when neither header is sent', () => {
    expect(presentedCredential(undefined, undefined)).toEqual({ kind: 'none' });
  });

  it('reads an API key from X-API-Key or from a bearer token', () => {
    expect(presentedCredential(undefined, KEY)).toEqual({ kind: 'api-key', value: KEY });
    expect(presentedCredential(`Bearer ${KEY}`, undefined)).toEqual({
      kind: 'api-key',
      value: KEY,
    });
  });

  it('reads a compact JWT, the scheme in any case', () => {
    expect(presentedCredential(`bearer ${JWT}`, undefined)).toEqual({ kind: 'bearer', value: JWT });
  });

  it('takes an unsigned (alg none) token as a bearer, for the verifier to refuse', () => {
    expect(presentedCredential('Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', undefined)).toEqual({
      kind: 'bearer',
      value: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    });
  });

  it.each([
    ['both headers at once', `Bearer ${KEY}`, KEY],
    ['another scheme', 'Basic dXNlcjpwYXNz', undefined],
    ['an empty bearer', 'Bearer ', undefined],
    ['a bearer of neither shape', 'Bearer hello-world', undefined],
    ['a truncated JWT', 'Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0', undefined],
    ['two bearer values', `Bearer ${JWT} ${JWT}`, undefined],
    ['an over-long header', `Bearer ${'a.'.repeat(5000)}a`, undefined],
    ['an X-API-Key not shaped as a key', undefined, 'live_4f9a8b7c6d5e'],
    ['X-API-Key sent twice', undefined, [KEY, KEY]],
  ])('is malformed with %s', (_case, authorization, apiKey) => {
    expect(presentedCredential(authorization, apiKey)).toEqual({ kind: 'malformed' });
  });
});
