import { runDevRegistry, WORKSPACE_ROOT, type RunningDevRegistry } from '@junction/testing';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  API_KEYS_KV_KEY,
  ApiKeyAdmin,
  apiKeySetSchema,
  consulKvStore,
  verifyAgainstSet,
} from '@junction/auth';

import { AUTH_PORTS } from './support/auth-ports';

/** The secret part of a key, after `jk_<12-hex id>_` (it may itself hold `_`). */
const secretOf = (key: string) => key.slice('jk_'.length + 12 + 1);

const PORT = AUTH_PORTS.adminRegistry;

describe('ApiKeyAdmin on the dev registry (Consul KV)', () => {
  let registry: RunningDevRegistry;
  let admin: ApiKeyAdmin;
  const kv = () => consulKvStore(registry.address);
  const stored = async () =>
    apiKeySetSchema.parse(JSON.parse((await kv().read(API_KEYS_KV_KEY))?.value ?? '{}'));

  beforeAll(async () => {
    registry = await runDevRegistry({ port: PORT });
    admin = new ApiKeyAdmin(kv());
  });
  afterAll(() => registry?.stop());

  it('creates a key that verifies against what KV holds, and stores no secret', async () => {
    const { key, record } = await admin.create('team-shop', ['orders']);
    const set = await stored();
    expect(verifyAgainstSet(key, set)).toMatchObject({
      ok: true,
      identity: { subject: 'team-shop', keyId: record.id },
    });
    expect(JSON.stringify(set)).not.toContain(secretOf(key));
  });

  it('revokes a key: it stays listed, marked, and no longer verifies', async () => {
    const { key, record } = await admin.create('ops', ['orders']);
    expect(await admin.revoke(record.id)).toBe(true);
    expect(verifyAgainstSet(key, await stored())).toEqual({ ok: false, failure: 'revoked' });
    const listed = (await admin.list()).find((r) => r.id === record.id);
    expect(listed?.revokedAt).toEqual(expect.any(String));
    expect(await admin.revoke('000000000000')).toBe(false);
  });

  it('puts a saved key back once KV forgot it, and never revives a revoked one', async () => {
    const { key, record } = await admin.create('developer', ['orders']);
    await kv().writeIfUnchanged(
      API_KEYS_KV_KEY,
      JSON.stringify({ keys: {} }),
      (await kv().read(API_KEYS_KV_KEY))!.index,
    );
    expect(verifyAgainstSet(key, await stored()).ok).toBe(false);
    expect(await admin.ensure(record)).toBe(true);
    expect(verifyAgainstSet(key, await stored()).ok).toBe(true);
    expect(await admin.ensure(record)).toBe(true);
    await admin.revoke(record.id);
    expect(await admin.ensure(record)).toBe(false);
    expect(verifyAgainstSet(key, await stored())).toEqual({ ok: false, failure: 'revoked' });
  });

  it('loses no key when several are created at once (check-and-set)', async () => {
    const created = await Promise.all(
      Array.from({ length: 4 }, (_, i) => new ApiKeyAdmin(kv()).create(`owner-${i}`, [])),
    );
    const set = await stored();
    for (const { key } of created) expect(verifyAgainstSet(key, set).ok).toBe(true);
  });
});

describe('npm run junction -- api-key (the CLI)', () => {
  let registry: RunningDevRegistry;
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(WORKSPACE_ROOT, 'tools/scripts/junction.mjs'), ...args],
      {
        encoding: 'utf8',
        env: { ...process.env, CONSUL_HTTP_ADDR: registry.address },
      },
    );

  beforeAll(async () => {
    registry = await runDevRegistry({ port: AUTH_PORTS.cliRegistry });
  });
  afterAll(() => registry?.stop());

  it('creates a key shown once, lists it, and revokes it', async () => {
    const created = cli('api-key', 'create', '--owner', 'cli-test', '--scopes', 'orders');
    expect(created.status).toBe(0);
    const key = /^(jk_[0-9a-f]{12}_\S+)$/m.exec(created.stdout)?.[1];
    const id = key?.split('_')[1];
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(cli('api-key', 'list').stdout).toMatch(
      new RegExp(`^${id}  cli-test  \\[orders\\].*active$`, 'm'),
    );
    expect(cli('api-key', 'revoke', id!).status).toBe(0);
    expect(cli('api-key', 'list').stdout).toMatch(new RegExp(`^${id} .*revoked `, 'm'));
    expect(cli('api-key', 'list').stdout).not.toContain(secretOf(key!));
  });

  it.each([
    [['api-key', 'create'], /--owner <name> is required/],
    [['api-key', 'create', '--owner', 'x', '--scopes', 'Bad Scope'], /invalid scope Bad Scope/],
    [['api-key', 'revoke', 'nope'], /give the key id/],
    [['api-key', 'delete'], /usage: npm run junction/],
  ])('refuses %j with exit 2 and says why', (args, message) => {
    const result = cli(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
