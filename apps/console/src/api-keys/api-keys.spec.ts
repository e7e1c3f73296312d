// The API key endpoints against a real dev registry's KV (a child process;
// build it first: npx nx run dev-registry:build) and the real console app.
import {
  API_KEYS_KV_KEY,
  ApiKeyAdmin,
  apiKeySetSchema,
  consulKvStore,
  verifyAgainstSet,
} from '@junction/auth';
import { runDevRegistry, type RunningDevRegistry } from '@junction/testing';
import type { RunningConsole } from '../console.app';
import { send, startTestConsole, TEST_TOKEN, type RawRequest } from '../console.fixture';
import type { ApiKeyView, CreatedApiKeyView } from './api-key.view';

/** The secret part of a key, after `jk_<12-hex id>_` (it may itself hold `_`). */
const secretOf = (key: string) => key.slice('jk_'.length + 12 + 1);

jest.setTimeout(30_000);

const REGISTRY_PORT = 28600;
const ID = /^[0-9a-f]{12}$/;

describe('API keys through the console', () => {
  let registry: RunningDevRegistry;
  let consoleApp: RunningConsole;

  const call = (request: RawRequest) =>
    send(consoleApp.url, {
      ...request,
      headers: { authorization: `Bearer ${TEST_TOKEN}`, ...request.headers },
    });
  const create = (body: unknown) => call({ method: 'POST', path: '/api/keys', body });
  const list = async () => (await call({ path: '/api/keys' })).json<ApiKeyView[]>();
  const revoke = (id: string) => call({ method: 'POST', path: `/api/keys/${id}/revoke` });
  /** The raw document in KV, as every gateway replica reads it. */
  const stored = async () => {
    const entry = await consulKvStore(registry.address).read(API_KEYS_KV_KEY);
    return {
      text: entry?.value ?? '',
      set: apiKeySetSchema.parse(JSON.parse(entry?.value || '{}')),
    };
  };

  beforeAll(async () => {
    registry = await runDevRegistry({ port: REGISTRY_PORT, env: { LOG_LEVEL: 'warn' } });
    consoleApp = await startTestConsole({ CONSUL_HTTP_ADDR: registry.address });
  });
  afterAll(async () => {
    await consoleApp?.close();
    await registry?.stop();
  });

  describe('POST /api/keys', () => {
    it('creates a key shown once, that verifies against KV, which holds only its hash', async () => {
      const res = await create({ owner: '  team-shop ', scopes: ['orders', 'orders:read'] });
      expect(res.status).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const created = res.json<CreatedApiKeyView>();
      expect(created).toEqual({
        key: expect.stringMatching(/^jk_[0-9a-f]{12}_/),
        id: expect.stringMatching(ID),
        owner: 'team-shop',
        scopes: ['orders', 'orders:read'],
        createdAt: expect.any(String),
      });
      expect(created.key.split('_')[1]).toBe(created.id);

      const { text, set } = await stored();
      expect(verifyAgainstSet(created.key, set)).toMatchObject({
        ok: true,
        identity: { subject: 'team-shop', scopes: ['orders', 'orders:read'], keyId: created.id },
      });
      expect(text).not.toContain(secretOf(created.key));
    });

    it('lists it without the hash, and never shows the key again', async () => {
      const created = (await create({ owner: 'listed', scopes: [] })).json<CreatedApiKeyView>();
      const res = await call({ path: '/api/keys' });
      expect(res.status).toBe(200);
      const listed = res.json<ApiKeyView[]>().find((view) => view.id === created.id);
      expect(listed).toEqual({
        id: created.id,
        owner: 'listed',
        scopes: [],
        createdAt: created.createdAt,
      });
      expect(res.text).not.toContain('hash');
      expect(res.text).not.toContain(created.key);
    });

    it('lists keys the CLI made (the same KV key, the same ApiKeyAdmin)', async () => {
      const { record } = await new ApiKeyAdmin(consulKvStore(registry.address)).create('cli', []);
      expect((await list()).map((view) => view.id)).toContain(record.id);
    });

    it.each([
      ['a blank owner', { owner: '   ', scopes: [] }, ['owner: must not be blank']],
      ['a 201-character owner', { owner: 'o'.repeat(201) }, ['owner: must be at most 200']],
      ['a bad scope', { owner: 'ops', scopes: ['orders', 'Bad Scope'] }, ['scopes.1: must be']],
      ['scopes as a string', { owner: 'ops', scopes: 'orders' }, ['scopes: must be an array']],
      ['an unknown field', { owner: 'ops', extra: true }, ['extra']],
      ['no owner, a number scope', { scopes: [7] }, ['owner: is required', 'scopes.0: must be']],
      ['an array', [], ['(body)']],
    ])('refuses %s with a 400 naming each field, and writes nothing', async (_, body, fields) => {
      const before = (await stored()).text;
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const errors = res.json<{ errors: string[] }>().errors;
      for (const field of fields) expect(errors.join('\n')).toContain(field);
      expect(errors).toHaveLength(fields.length);
      expect((await stored()).text).toBe(before);
    });

    it('refuses a body that is not JSON with a 400 problem', async () => {
      const res = await call({
        method: 'POST',
        path: '/api/keys',
        headers: { 'content-type': 'application/json' },
        body: '{"owner": ',
      });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('POST /api/keys/{id}/revoke', () => {
    it('marks the key revoked: still listed, with revokedAt, and it no longer verifies', async () => {
      const created = (
        await create({ owner: 'leaver', scopes: ['orders'] })
      ).json<CreatedApiKeyView>();
      const res = await revoke(created.id);
      expect(res.status).toBe(200);
      const revoked = res.json<ApiKeyView>();
      expect(revoked).toEqual({
        id: created.id,
        owner: 'leaver',
        scopes: ['orders'],
        createdAt: created.createdAt,
        revokedAt: expect.any(String),
      });
      expect((await list()).find((view) => view.id === created.id)).toEqual(revoked);
      expect(verifyAgainstSet(created.key, (await stored()).set)).toEqual({
        ok: false,
        failure: 'revoked',
      });
      // Again: the first revokedAt stands, it says when the key stopped working.
      expect((await revoke(created.id)).json()).toEqual(revoked);
    });

    it('answers 404 for a key id there is none of', async () => {
      const res = await revoke('0123456789ab');
      expect(res.status).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, detail: 'there is no API key 0123456789ab' });
    });

    it.each(['nope', '0123456789AB', '0123456789abc', '..%2F..%2Fx'])(
      'refuses the malformed id %s with a 400 before asking the registry',
      async (id) => {
        const res = await revoke(id);
        expect(res.status).toBe(400);
        expect(res.json()).toMatchObject({ detail: expect.stringContaining('12 lowercase hex') });
      },
    );
  });
});
