import { jwtSettingsSchema } from './jwt.verifier';

const base = {
  jwksUrl: 'https://id.example.test/jwks',
  issuer: 'https://id.example.test/',
  audience: 'api',
};

describe('jwtSettingsSchema', () => {
  it('defaults to RS256 and ES256 with 30 s of clock skew', () => {
    expect(jwtSettingsSchema.parse(base)).toMatchObject({
      algorithms: ['RS256', 'ES256'],
      clockToleranceSec: 30,
    });
  });

  it.each(['none', 'HS256', 'HS512'])('refuses %s in the algorithm allow-list', (alg) => {
    expect(jwtSettingsSchema.safeParse({ ...base, algorithms: [alg] }).success).toBe(false);
  });

  it('refuses an empty allow-list and a JWKS address that is not a URL', () => {
    expect(jwtSettingsSchema.safeParse({ ...base, algorithms: [] }).success).toBe(false);
    expect(jwtSettingsSchema.safeParse({ ...base, jwksUrl: 'jwks.json' }).success).toBe(false);
  });
});
