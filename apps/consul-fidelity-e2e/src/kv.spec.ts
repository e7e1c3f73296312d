// §5 of the reference: the KV store.
import {
  decodeValue,
  del,
  type DirEntry,
  get,
  kvEntry,
  kvWrite,
  put,
} from './support/consul-client';
import { scratch } from './support/scratch';
import { MINUTE, scaled } from './support/timing';

const s = scratch();

describe('§5.2 PUT /v1/kv/:key', () => {
  test('a plain set stores the body and answers 200 application/json true', async () => {
    const key = `${s.kvPrefix('set')}k`;
    const reply = await put(`/v1/kv/${key}`, { body: 'hello' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.json()).toBe(true);
    expect(decodeValue(await kvEntry(key))).toBe('hello');
  });

  test('any content type is stored as raw bytes', async () => {
    const key = `${s.kvPrefix('ctype')}k`;
    await put(`/v1/kv/${key}`, {
      body: '{"not":"parsed"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(decodeValue(await kvEntry(key))).toBe('{"not":"parsed"}');
  });

  test('create sets CreateIndex = ModifyIndex; an update bumps ModifyIndex only; an identical rewrite changes nothing', async () => {
    const key = `${s.kvPrefix('indexes')}k`;
    await kvWrite(key, '', 'one');
    const created = (await kvEntry(key))!;
    expect(created.CreateIndex).toBe(created.ModifyIndex);
    await kvWrite(key, '', 'two');
    const updated = (await kvEntry(key))!;
    expect(updated.CreateIndex).toBe(created.CreateIndex);
    expect(updated.ModifyIndex).toBeGreaterThan(created.ModifyIndex);
    await kvWrite(key, '', 'two');
    expect((await kvEntry(key))!.ModifyIndex).toBe(updated.ModifyIndex);
  });

  test('an empty body stores an empty value, read back as Value null', async () => {
    const key = `${s.kvPrefix('empty')}k`;
    expect(await kvWrite(key, '')).toBe(true);
    const entry = await kvEntry(key);
    expect(entry).toBeDefined();
    expect(entry!.Value).toBeNull();
  });

  test('?flags stores a uint64 flag', async () => {
    const key = `${s.kvPrefix('flags')}k`;
    expect(await kvWrite(key, 'flags=42', 'v')).toBe(true);
    expect((await kvEntry(key))?.Flags).toBe(42);
    expect(await kvWrite(key, 'flags=4294967296', 'v')).toBe(true);
    expect((await kvEntry(key))?.Flags).toBe(4294967296);
  });

  test.each(['flags=abc', 'flags=-1', 'cas=abc', 'cas=1.5'])(
    'non-numeric ?%s → 500',
    async (query) => {
      const key = `${s.kvPrefix('badnum')}k`;
      const reply = await put(`/v1/kv/${key}?${query}`, { body: 'v' });
      expect(reply.status).toBe(500);
      expect(reply.text).toContain('strconv.ParseUint');
    },
  );

  test('?cas=0 creates only if the key is absent', async () => {
    const key = `${s.kvPrefix('cas0')}k`;
    expect(await kvWrite(key, 'cas=0', 'first')).toBe(true);
    expect(await kvWrite(key, 'cas=0', 'second')).toBe(false);
    expect(decodeValue(await kvEntry(key))).toBe('first');
  });

  test('?cas=N writes only when the key exists with ModifyIndex N; an absent key → false', async () => {
    const prefix = s.kvPrefix('casn');
    const key = `${prefix}k`;
    await kvWrite(key, '', 'v1');
    const { ModifyIndex } = (await kvEntry(key))!;
    expect(await kvWrite(key, `cas=${ModifyIndex + 1}`, 'wrong')).toBe(false);
    expect(await kvWrite(key, `cas=${ModifyIndex}`, 'v2')).toBe(true);
    expect(decodeValue(await kvEntry(key))).toBe('v2');
    expect(await kvWrite(key, `cas=${ModifyIndex}`, 'stale')).toBe(false);
    expect(await kvWrite(`${prefix}absent`, 'cas=5', 'v')).toBe(false);
    expect(await kvEntry(`${prefix}absent`)).toBeUndefined();
  });

  test('empty key (PUT /v1/kv/) → 400 "Missing key name"', async () => {
    const reply = await put('/v1/kv/', { body: 'v' });
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Missing key name');
  });

  test('a value larger than 512 KiB → 413', async () => {
    const key = `${s.kvPrefix('big')}k`;
    const reply = await put(`/v1/kv/${key}`, { body: Buffer.alloc(512 * 1024 + 1, 0x61) });
    expect(reply.status).toBe(413);
    expect(await kvEntry(key)).toBeUndefined();
  });

  test('a value of exactly 512 KiB is accepted', async () => {
    const key = `${s.kvPrefix('max')}k`;
    const reply = await put(`/v1/kv/${key}`, { body: Buffer.alloc(512 * 1024, 0x61) });
    expect(reply.status).toBe(200);
  });

  test('percent-encoded slashes in the key are decoded (a%2Fb is a/b)', async () => {
    const prefix = s.kvPrefix('encoded');
    await put(`/v1/kv/${prefix.replaceAll('/', '%2F')}a%2Fb`, { body: 'v' });
    const entry = await kvEntry(`${prefix}a/b`);
    expect(entry?.Key).toBe(`${prefix}a/b`);
  });

  test.each([
    ['PUT', 'cas=0&acquire=x'],
    ['PUT', 'acquire=x&release=x'],
    ['PUT', 'cas=0&release=x'],
    ['DELETE', 'recurse&cas=1'],
  ])('conflicting flags %s ?%s → 400 "Conflicting flags: …"', async (method, query) => {
    const key = `${s.kvPrefix('conflict')}k`;
    const reply = await (method === 'PUT' ? put : del)(`/v1/kv/${key}?${query}`, {
      body: method === 'PUT' ? 'v' : undefined,
    });
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/^Conflicting flags: /);
  });
});

describe('§5.1 GET /v1/kv/:key', () => {
  test('a single key → [DirEntry] with base64 Value, Flags, LockIndex 0, indexes and no Session', async () => {
    const key = `${s.kvPrefix('get')}k`;
    await kvWrite(key, 'flags=7', 'héllo');
    const reply = await get(`/v1/kv/${key}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    const entries = reply.json<DirEntry[]>();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      Key: key,
      Value: Buffer.from('héllo').toString('base64'),
      Flags: 7,
      LockIndex: 0,
      CreateIndex: expect.any(Number),
      ModifyIndex: expect.any(Number),
    });
  });

  test("X-Consul-Index of an existing key is that key's ModifyIndex", async () => {
    const prefix = s.kvPrefix('keyindex');
    await kvWrite(`${prefix}k`, '', 'v');
    await kvWrite(`${prefix}other`, '', 'later write');
    const reply = await get(`/v1/kv/${prefix}k`);
    expect(reply.index()).toBe(reply.json<DirEntry[]>()[0]!.ModifyIndex);
  });

  test('a missing key → 404 with an empty body, X-Consul-Index (≥ 1), KnownLeader and LastContact', async () => {
    const reply = await get(`/v1/kv/${s.kvPrefix('missing')}nothing`);
    expect(reply.status).toBe(404);
    expect(reply.text).toBe('');
    expect(reply.index()).toBeGreaterThanOrEqual(1);
    expect(reply.headers.get('x-consul-knownleader')).toMatch(/^(true|false)$/);
    expect(reply.headers.get('x-consul-lastcontact')).toMatch(/^\d+$/);
  });

  test('missing key name (GET /v1/kv/ without ?recurse) → 400 "Missing key name"', async () => {
    const reply = await get('/v1/kv/');
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Missing key name');
  });

  test('?recurse lists every entry under the prefix, in key order; nothing under it → 404', async () => {
    const prefix = s.kvPrefix('recurse');
    for (const k of ['b', 'a', 'c/d']) await kvWrite(`${prefix}${k}`, '', k);
    await kvWrite(`${prefix.slice(0, -1)}-sibling`, '', 'outside');
    const reply = await get(`/v1/kv/${prefix}?recurse`);
    expect(reply.status).toBe(200);
    const entries = reply.json<DirEntry[]>();
    expect(entries.map((e) => e.Key)).toEqual([`${prefix}a`, `${prefix}b`, `${prefix}c/d`]);
    expect(entries.map((e) => decodeValue(e))).toEqual(['a', 'b', 'c/d']);
    await del(`/v1/kv/${prefix.slice(0, -1)}-sibling`);
    const none = await get(`/v1/kv/${s.kvPrefix('recursenone')}?recurse`);
    expect(none.status).toBe(404);
    expect(none.index()).toBeGreaterThanOrEqual(1);
  });

  test('?recurse with the empty prefix lists the whole store', async () => {
    const prefix = s.kvPrefix('rootrecurse');
    await kvWrite(`${prefix}k`, '', 'v');
    const reply = await get('/v1/kv/?recurse');
    expect(reply.status).toBe(200);
    expect(reply.json<DirEntry[]>().map((e) => e.Key)).toContain(`${prefix}k`);
  });

  test('?keys lists key names under the prefix', async () => {
    const prefix = s.kvPrefix('keys');
    for (const k of ['foo', 'bar', 'sub/x']) await kvWrite(`${prefix}${k}`, '', 'v');
    const reply = await get(`/v1/kv/${prefix}?keys`);
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual([`${prefix}bar`, `${prefix}foo`, `${prefix}sub/x`]);
  });

  test('?keys&separator=/ cuts after the first separator past the prefix and de-duplicates', async () => {
    const prefix = s.kvPrefix('sep');
    for (const k of ['foo', 'bar', 'subdir/x', 'subdir/y', 'subdir/deeper/z']) {
      await kvWrite(`${prefix}${k}`, '', 'v');
    }
    const reply = await get(`/v1/kv/${prefix}?keys&separator=/`);
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual([`${prefix}bar`, `${prefix}foo`, `${prefix}subdir/`]);
  });

  test('?seperator (the historic spelling) works like ?separator', async () => {
    const prefix = s.kvPrefix('seperator');
    for (const k of ['a/1', 'a/2', 'b']) await kvWrite(`${prefix}${k}`, '', 'v');
    const reply = await get(`/v1/kv/${prefix}?keys&seperator=/`);
    expect(reply.json()).toEqual([`${prefix}a/`, `${prefix}b`]);
  });

  test('?keys with nothing under a non-empty prefix → 404; the empty prefix → 200 array', async () => {
    const none = await get(`/v1/kv/${s.kvPrefix('nokeys')}?keys`);
    expect(none.status).toBe(404);
    const prefix = s.kvPrefix('rootkeys');
    await kvWrite(`${prefix}k`, '', 'v');
    const all = await get('/v1/kv/?keys');
    expect(all.status).toBe(200);
    expect(all.json()).toEqual(expect.arrayContaining([`${prefix}k`]));
  });

  test('?raw returns the stored bytes with Content-Type text/plain, nosniff and a sandbox CSP', async () => {
    const key = `${s.kvPrefix('raw')}k`;
    const bytes = Buffer.from([0x3c, 0x62, 0x3e, 0x00, 0xff, 0xfe, 0x0a]);
    await put(`/v1/kv/${key}`, { body: bytes });
    const reply = await get(`/v1/kv/${key}?raw`);
    expect(reply.status).toBe(200);
    expect(reply.bytes.equals(bytes)).toBe(true);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toBe('sandbox');
  });
});

describe('§5.3 DELETE /v1/kv/:key', () => {
  test('deletes a key → true; an absent key → true as well', async () => {
    const key = `${s.kvPrefix('del')}k`;
    await kvWrite(key, '', 'v');
    const reply = await del(`/v1/kv/${key}`);
    expect(reply.status).toBe(200);
    expect(reply.json()).toBe(true);
    expect(await kvEntry(key)).toBeUndefined();
    expect((await del(`/v1/kv/${key}`)).json()).toBe(true);
  });

  test('?recurse deletes everything under the prefix and nothing else', async () => {
    const prefix = s.kvPrefix('delrec');
    for (const k of ['a', 'b/c']) await kvWrite(`${prefix}${k}`, '', 'v');
    const sibling = `${prefix.slice(0, -1)}x`;
    await kvWrite(sibling, '', 'v');
    expect((await del(`/v1/kv/${prefix}?recurse`)).json()).toBe(true);
    expect((await get(`/v1/kv/${prefix}?recurse`)).status).toBe(404);
    expect(await kvEntry(sibling)).toBeDefined();
    await del(`/v1/kv/${sibling}`);
  });

  test('?cas=N deletes only when ModifyIndex is N; cas=0 never deletes an existing key; absent key → true', async () => {
    const prefix = s.kvPrefix('delcas');
    const key = `${prefix}k`;
    await kvWrite(key, '', 'v');
    const { ModifyIndex } = (await kvEntry(key))!;
    expect((await del(`/v1/kv/${key}?cas=${ModifyIndex + 1}`)).json()).toBe(false);
    expect((await del(`/v1/kv/${key}?cas=0`)).json()).toBe(false);
    expect(await kvEntry(key)).toBeDefined();
    expect((await del(`/v1/kv/${key}?cas=${ModifyIndex}`)).json()).toBe(true);
    expect(await kvEntry(key)).toBeUndefined();
    expect((await del(`/v1/kv/${prefix}never-there?cas=3`)).json()).toBe(true);
  });

  test('missing key name without ?recurse → 400 "Missing key name"', async () => {
    const reply = await del('/v1/kv/');
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Missing key name');
  });
});

describe('§5.1 blocking reads', () => {
  test('blocking on an existing key returns when it is modified, with its new ModifyIndex', async () => {
    const key = `${s.kvPrefix('blockmod')}k`;
    await kvWrite(key, '', 'v1');
    const index = (await get(`/v1/kv/${key}`)).index();
    const pending = get(`/v1/kv/${key}?index=${index}&wait=1m`);
    await get('/v1/status/leader');
    await kvWrite(key, '', 'v2');
    const reply = await pending;
    expect(reply.status).toBe(200);
    const [entry] = reply.json<DirEntry[]>();
    expect(decodeValue(entry)).toBe('v2');
    expect(reply.index()).toBe(entry!.ModifyIndex);
    expect(reply.index()).toBeGreaterThan(index);
    expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE));
  });

  test('blocking on an existing key returns 404 with a higher index when it is deleted', async () => {
    const key = `${s.kvPrefix('blockdel')}k`;
    await kvWrite(key, '', 'v');
    const index = (await get(`/v1/kv/${key}`)).index();
    const pending = get(`/v1/kv/${key}?index=${index}&wait=1m`);
    await get('/v1/status/leader');
    await del(`/v1/kv/${key}`);
    const reply = await pending;
    expect(reply.status).toBe(404);
    expect(reply.index()).toBeGreaterThan(index);
    expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE));
  });

  test('a missing key blocks until it is created; unrelated KV writes do not wake it', async () => {
    const prefix = s.kvPrefix('blockmissing');
    const key = `${prefix}k`;
    const missing = await get(`/v1/kv/${key}`);
    expect(missing.status).toBe(404);
    const pending = get(`/v1/kv/${key}?index=${missing.index()}&wait=1m`);
    await get('/v1/status/leader');
    for (const other of ['x', 'y', 'z']) await kvWrite(`${prefix}${other}`, '', 'unrelated');
    await kvWrite(key, '', 'here');
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(decodeValue(reply.json<DirEntry[]>()[0])).toBe('here');
    expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE));
  });

  test('the ?recurse index counts deletes under the prefix (tombstones)', async () => {
    const prefix = s.kvPrefix('tomb');
    await kvWrite(`${prefix}a`, '', 'v');
    await kvWrite(`${prefix}b`, '', 'v');
    const before = await get(`/v1/kv/${prefix}?recurse`);
    const latest = Math.max(...before.json<DirEntry[]>().map((e) => e.ModifyIndex));
    expect(before.index()).toBe(latest);
    await del(`/v1/kv/${prefix}b`); // the newest key: without tombstones the index would fall
    const after = await get(`/v1/kv/${prefix}?recurse`);
    expect(after.json<DirEntry[]>().map((e) => e.Key)).toEqual([`${prefix}a`]);
    expect(after.index()).toBeGreaterThan(before.index());
    const keys = await get(`/v1/kv/${prefix}?keys`);
    expect(keys.index()).toBe(after.index());
  });

  test('a blocking ?recurse query returns when a key under the prefix is deleted', async () => {
    const prefix = s.kvPrefix('blockrec');
    await kvWrite(`${prefix}a`, '', 'v');
    await kvWrite(`${prefix}b`, '', 'v');
    const index = (await get(`/v1/kv/${prefix}?recurse`)).index();
    const pending = get(`/v1/kv/${prefix}?recurse&index=${index}&wait=1m`);
    await get('/v1/status/leader');
    await del(`/v1/kv/${prefix}a`);
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(reply.index()).toBeGreaterThan(index);
    expect(reply.json<DirEntry[]>().map((e) => e.Key)).toEqual([`${prefix}b`]);
    expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE));
  });
});
