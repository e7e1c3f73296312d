// §6 of the reference: sessions, locks and lock-delays.
import { waitUntil } from '@junction/testing';
import {
  agentNodeName,
  decodeValue,
  get,
  kvEntry,
  kvWrite,
  put,
  type SessionInfo,
  sessionInfo,
} from './support/consul-client';
import { scratch } from './support/scratch';
import { EARLY_MS, SECOND, pause, scaled, since, timeoutFor, within } from './support/timing';

const s = scratch();

const create = (body?: unknown) =>
  put('/v1/session/create', body === undefined ? {} : { json: body });
const acquire = (key: string, session: string, value = '') =>
  kvWrite(key, `acquire=${session}`, value);
const release = (key: string, session: string, value = '') =>
  kvWrite(key, `release=${session}`, value);

describe('§6.1 PUT /v1/session/create', () => {
  test('an empty body → 200 {"ID"} with Consul\'s defaults (LockDelay 15s, release, no TTL, serfHealth, this node)', async () => {
    const reply = await put('/v1/session/create');
    expect(reply.status).toBe(200);
    const body = reply.json<Record<string, unknown>>();
    expect(Object.keys(body)).toEqual(['ID']);
    expect(body.ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const id = body.ID as string;
    try {
      const info = await sessionInfo(id);
      expect(info).toMatchObject({
        ID: id,
        Name: '',
        Node: await agentNodeName(),
        LockDelay: 15_000_000_000,
        Behavior: 'release',
        TTL: '',
        NodeChecks: ['serfHealth'],
        CreateIndex: expect.any(Number),
        ModifyIndex: expect.any(Number),
      });
    } finally {
      await put(`/v1/session/destroy/${id}`);
    }
  });

  test('Name, Behavior and TTL are kept as given', async () => {
    const id = await s.session({ Name: 'fidelity', Behavior: 'delete', TTL: '15s' });
    expect(await sessionInfo(id)).toMatchObject({
      Name: 'fidelity',
      Behavior: 'delete',
      TTL: '15s',
    });
  });

  test.each([
    ['5s', 5_000_000_000],
    ['25h', 90_000_000_000_000],
  ])(
    'TTL %s (outside [10s, 24h]) → 500 "Invalid Session TTL \'<ns>\', must be between [10s=24h0m0s]"',
    async (ttl, nanos) => {
      const reply = await create({ TTL: ttl });
      expect(reply.status).toBe(500);
      expect(reply.text).toContain(`Invalid Session TTL '${nanos}', must be between [10s=24h0m0s]`);
    },
  );

  test('TTL at the bounds (10s, 24h) and 0s are accepted', async () => {
    for (const ttl of ['10s', '24h', '0s']) {
      const id = await s.session({ TTL: ttl });
      expect(await sessionInfo(id)).toMatchObject({ ID: id });
    }
  });

  test('an unparsable TTL → 500 "Session TTL \'<x>\' invalid: …"', async () => {
    const reply = await create({ TTL: 'soon' });
    expect(reply.status).toBe(500);
    expect(reply.text).toContain("Session TTL 'soon' invalid");
  });

  test('Behavior other than release|delete → 500 "Invalid Behavior setting \'<x>\'"', async () => {
    const reply = await create({ Behavior: 'explode' });
    expect(reply.status).toBe(500);
    expect(reply.text).toContain("Invalid Behavior setting 'explode'");
  });

  test('an explicit empty Checks [] clears the default serfHealth node check', async () => {
    const id = await s.session({ Checks: [] });
    expect((await sessionInfo(id))?.NodeChecks ?? []).not.toContain('serfHealth');
  });

  test('an unknown body field → 400', async () => {
    const reply = await create({ Name: 'x', Bogus: true });
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('Bogus');
  });

  test.each([
    [5, 5_000_000_000],
    ['5ns', 5_000_000_000],
    [999, 999_000_000_000],
    [2000, 2000],
    ['250ms', 250_000_000],
    ['20s', 20_000_000_000],
  ])(
    'LockDelay %p is stored as %p ns (values below 1000 are seconds)',
    async (lockDelay, nanos) => {
      const id = await s.session({ LockDelay: lockDelay });
      expect((await sessionInfo(id))?.LockDelay).toBe(nanos);
    },
  );
});

describe('§6.2 renew, destroy, info, list', () => {
  test('renew → 200 [session]', async () => {
    const id = await s.session({ TTL: '10s' });
    const reply = await put(`/v1/session/renew/${id}`);
    expect(reply.status).toBe(200);
    const sessions = reply.json<SessionInfo[]>();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ ID: id, TTL: expect.any(String) });
  });

  test('renew of an unknown session → 404 "Session id \'<id>\' not found"', async () => {
    const id = '5e0fd1a7-0000-4000-8000-000000000000';
    const reply = await put(`/v1/session/renew/${id}`);
    expect(reply.status).toBe(404);
    expect(reply.text).toBe(`Session id '${id}' not found`);
  });

  test('destroy → 200 true; destroying again (or an unknown ID) → 200 true', async () => {
    const reply = await create();
    const { ID } = reply.json<{ ID: string }>();
    const first = await put(`/v1/session/destroy/${ID}`);
    expect(first.status).toBe(200);
    expect(first.json()).toBe(true);
    expect(await sessionInfo(ID)).toBeUndefined();
    const again = await put(`/v1/session/destroy/${ID}`);
    expect(again.status).toBe(200);
    expect(again.json()).toBe(true);
  });

  test('info of an unknown session → 200 [] with X-Consul-Index', async () => {
    const reply = await get('/v1/session/info/5e0fd1a7-0000-4000-8000-000000000001');
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual([]);
    expect(reply.index()).toBeGreaterThanOrEqual(1);
  });

  test('list and node/:node include the session', async () => {
    const id = await s.session({ Name: 'listed' });
    const list = await get('/v1/session/list');
    expect(list.status).toBe(200);
    expect(list.json<SessionInfo[]>().map((x) => x.ID)).toContain(id);
    const byNode = await get(`/v1/session/node/${encodeURIComponent(await agentNodeName())}`);
    expect(byNode.status).toBe(200);
    expect(byNode.json<SessionInfo[]>().map((x) => x.ID)).toContain(id);
  });
});

describe('§5.2/§6.3 locks', () => {
  test('acquire on a free key → true: Session set, LockIndex 1, value written', async () => {
    const key = `${s.kvPrefix('acq')}lock`;
    const id = await s.session();
    expect(await acquire(key, id, 'leader-1')).toBe(true);
    const entry = await kvEntry(key);
    expect(entry).toMatchObject({ Session: id, LockIndex: 1 });
    expect(decodeValue(entry)).toBe('leader-1');
  });

  test('acquire of an existing unlocked key → LockIndex += 1', async () => {
    const key = `${s.kvPrefix('acqexisting')}lock`;
    await kvWrite(key, '', 'plain');
    const id = await s.session();
    expect(await acquire(key, id, 'v')).toBe(true);
    expect((await kvEntry(key))?.LockIndex).toBe(1);
  });

  test('acquire by the holder again → true, LockIndex unchanged, value updated', async () => {
    const key = `${s.kvPrefix('reacq')}lock`;
    const id = await s.session();
    await acquire(key, id, 'v1');
    expect(await acquire(key, id, 'v2')).toBe(true);
    const entry = await kvEntry(key);
    expect(entry).toMatchObject({ Session: id, LockIndex: 1 });
    expect(decodeValue(entry)).toBe('v2');
  });

  test('acquire of a key held by another session → false, nothing changes', async () => {
    const key = `${s.kvPrefix('held')}lock`;
    const holder = await s.session();
    const other = await s.session();
    await acquire(key, holder, 'mine');
    expect(await acquire(key, other, 'theirs')).toBe(false);
    const entry = await kvEntry(key);
    expect(entry).toMatchObject({ Session: holder, LockIndex: 1 });
    expect(decodeValue(entry)).toBe('mine');
  });

  test('release by a non-holder → false; by the holder → true, Session cleared, LockIndex kept, value written', async () => {
    const key = `${s.kvPrefix('rel')}lock`;
    const holder = await s.session();
    const other = await s.session();
    await acquire(key, holder, 'v1');
    expect(await release(key, other, 'x')).toBe(false);
    expect(await release(key, holder, 'released')).toBe(true);
    const entry = await kvEntry(key);
    expect(entry?.Session).toBeUndefined();
    expect(entry?.LockIndex).toBe(1);
    expect(decodeValue(entry)).toBe('released');
  });

  test('release of an absent key → false', async () => {
    const id = await s.session();
    expect(await release(`${s.kvPrefix('relabsent')}lock`, id)).toBe(false);
  });

  test('an explicit release starts no lock-delay: another session acquires at once, LockIndex 2', async () => {
    const key = `${s.kvPrefix('nodelay')}lock`;
    const a = await s.session({ LockDelay: '60s' });
    const b = await s.session();
    await acquire(key, a);
    await release(key, a);
    expect(await acquire(key, b)).toBe(true);
    expect(await kvEntry(key)).toMatchObject({ Session: b, LockIndex: 2 });
  });

  test('acquire with an unknown session → 500 "invalid session"; with an empty one → 500 "missing session"', async () => {
    const key = `${s.kvPrefix('badsess')}lock`;
    const unknown = await put(`/v1/kv/${key}?acquire=5e0fd1a7-0000-4000-8000-000000000002`, {
      body: 'v',
    });
    expect(unknown.status).toBe(500);
    expect(unknown.text.toLowerCase()).toContain('invalid session');
    const empty = await put(`/v1/kv/${key}?acquire=`, { body: 'v' });
    expect(empty.status).toBe(500);
    expect(empty.text.toLowerCase()).toContain('missing session');
    expect(await kvEntry(key)).toBeUndefined();
  });

  test('a plain PUT on a locked key succeeds and keeps the lock owner (Session)', async () => {
    const key = `${s.kvPrefix('plainput')}lock`;
    const id = await s.session();
    const other = await s.session();
    await acquire(key, id, 'v1');
    expect(await kvWrite(key, '', 'overwritten')).toBe(true);
    const entry = await kvEntry(key);
    // Only ownership is preserved (Consul's kvsSetTxn keeps Session, not LockIndex).
    expect(entry?.Session).toBe(id);
    expect(decodeValue(entry)).toBe('overwritten');
    expect(await acquire(key, other)).toBe(false);
  });

  test(
    'after invalidation the key is released and ?acquire is refused for the lock-delay',
    async () => {
      const key = `${s.kvPrefix('lockdelay')}lock`;
      const lockDelay = 30 * SECOND;
      const a = await s.session({ LockDelay: '30s' });
      const b = await s.session();
      expect(await acquire(key, a, 'a')).toBe(true);
      const destroyed = performance.now();
      expect((await put(`/v1/session/destroy/${a}`)).status).toBe(200);
      const released = await kvEntry(key);
      expect(released?.Session).toBeUndefined();
      expect(released?.LockIndex).toBe(1);
      expect(await acquire(key, b, 'b')).toBe(false);
      await waitUntil(() => acquire(key, b, 'b'), {
        timeoutMs: within(lockDelay),
        intervalMs: 10,
        what: 'the lock-delay to end',
      });
      expect(since(destroyed)).toBeGreaterThanOrEqual(scaled(lockDelay) - EARLY_MS);
      expect(await kvEntry(key)).toMatchObject({ Session: b, LockIndex: 2 });
    },
    timeoutFor(30 * SECOND),
  );

  test(
    'the lock-delay is capped at 60 s (LockDelay 120s)',
    async () => {
      const key = `${s.kvPrefix('lockdelaycap')}lock`;
      const a = await s.session({ LockDelay: '120s' });
      const b = await s.session();
      expect(await acquire(key, a)).toBe(true);
      const destroyed = performance.now();
      await put(`/v1/session/destroy/${a}`);
      expect(await acquire(key, b)).toBe(false);
      await waitUntil(() => acquire(key, b), {
        timeoutMs: within(120 * SECOND),
        intervalMs: 10,
        what: 'the lock-delay to end',
      });
      expect(since(destroyed)).toBeGreaterThanOrEqual(scaled(60 * SECOND) - EARLY_MS);
      expect(since(destroyed)).toBeLessThan(scaled(90 * SECOND));
    },
    timeoutFor(120 * SECOND),
  );

  test('Behavior delete: invalidation deletes the keys the session holds', async () => {
    const key = `${s.kvPrefix('behdelete')}lock`;
    const id = await s.session({ Behavior: 'delete' });
    expect(await acquire(key, id, 'v')).toBe(true);
    await put(`/v1/session/destroy/${id}`);
    expect(await kvEntry(key)).toBeUndefined();
  });

  test(
    'a TTL session that is not renewed is invalidated after ~2×TTL, and its locks are released',
    async () => {
      const key = `${s.kvPrefix('ttllapse')}lock`;
      const ttl = 10 * SECOND;
      const created = performance.now();
      const id = await s.session({ TTL: '10s' });
      expect(await acquire(key, id, 'v')).toBe(true);
      await waitUntil(async () => (await sessionInfo(id)) === undefined, {
        timeoutMs: within(2 * ttl),
        intervalMs: 10,
        what: 'the session TTL to lapse',
      });
      expect(since(created)).toBeGreaterThanOrEqual(scaled(2 * ttl) - EARLY_MS);
      const entry = await kvEntry(key);
      expect(entry?.Session).toBeUndefined();
      expect(entry?.LockIndex).toBe(1);
    },
    timeoutFor(20 * SECOND),
  );

  test(
    'renewing before the TTL runs out keeps the session alive past 2×TTL',
    async () => {
      const ttl = 10 * SECOND;
      const id = await s.session({ TTL: '10s' });
      const started = performance.now();
      while (since(started) < scaled(3 * ttl)) {
        const renewed = await put(`/v1/session/renew/${id}`);
        expect(renewed.status).toBe(200);
        await pause(scaled(ttl / 4)); // heartbeat pacing, well inside the TTL
      }
      expect(await sessionInfo(id)).toMatchObject({ ID: id });
    },
    timeoutFor(30 * SECOND),
  );

  test('a session bound to a service check is invalidated when that check is deregistered', async () => {
    const name = s.name('sessdereg');
    const checkId = `${name}-ttl`;
    await s.mustRegister({ Name: name, Check: { CheckID: checkId, TTL: '1h', Status: 'passing' } });
    const id = await s.session({ ServiceChecks: [{ ID: checkId }] });
    expect(await sessionInfo(id)).toBeDefined();
    expect((await put(`/v1/agent/service/deregister/${name}`)).status).toBe(200);
    await waitUntil(async () => (await sessionInfo(id)) === undefined, {
      timeoutMs: within(SECOND),
      what: 'the session to be invalidated by its deregistered check',
    });
  });

  test('a session bound to a service check is invalidated when that check goes critical', async () => {
    const name = s.name('sesscheck');
    const checkId = `${name}-ttl`;
    await s.mustRegister({ Name: name, Check: { CheckID: checkId, TTL: '1h', Status: 'passing' } });
    const id = await s.session({ ServiceChecks: [{ ID: checkId }] });
    expect(await sessionInfo(id)).toBeDefined();
    expect((await put(`/v1/agent/check/fail/${checkId}`)).status).toBe(200);
    await waitUntil(async () => (await sessionInfo(id)) === undefined, {
      timeoutMs: within(SECOND),
      what: 'the session to be invalidated by its critical check',
    });
  });
});
