import { startKvRegistry, type EntryJson, type KvTestRegistry } from './kv-test-registry.fixture';

describe('/v1/kv', () => {
  let registry: KvTestRegistry;
  beforeEach(async () => {
    registry = await startKvRegistry();
  });
  afterEach(() => registry.close());

  const get = (path: string) => registry.request(path);
  const index = (res: Response) => Number(res.headers.get('x-consul-index'));
  const entryOf = async (key: string) =>
    ((await (await get(`/v1/kv/${key}`)).json()) as EntryJson[])[0];

  describe('GET', () => {
    it('answers a stored key as a one-entry array with base64 Value and its ModifyIndex as index', async () => {
      await registry.put('/v1/kv/app/config?flags=42', 'hello');
      const res = await get('/v1/kv/app/config');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      const body = await res.json();
      expect(body).toEqual([
        {
          LockIndex: 0,
          Key: 'app/config',
          Flags: 42,
          Value: 'aGVsbG8=',
          CreateIndex: 1,
          ModifyIndex: 1,
        },
      ]);
      expect(index(res)).toBe(1);
      expect(res.headers.get('x-consul-knownleader')).toBe('true');
      expect(res.headers.get('x-consul-lastcontact')).toBe('0');
    });

    it('prints an empty value as null', async () => {
      await registry.put('/v1/kv/empty');
      expect((await entryOf('empty')).Value).toBeNull();
    });

    it('answers a missing key 404 with an empty body and the table index, never 0', async () => {
      let res = await get('/v1/kv/nope');
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('');
      expect(index(res)).toBe(1);
      await registry.put('/v1/kv/a', 'x');
      await registry.put('/v1/kv/b', 'y');
      await registry.request('/v1/kv/b', { method: 'DELETE' });
      res = await get('/v1/kv/nope');
      expect(index(res)).toBe(3);
    });

    it('refuses a missing key name without recurse', async () => {
      const res = await get('/v1/kv/');
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('Missing key name');
    });

    it('decodes percent-encoded keys', async () => {
      await registry.put('/v1/kv/a%2Fb', 'v');
      expect((await entryOf('a/b')).Key).toBe('a/b');
    });

    it('serves ?raw bytes as text/plain with the sandbox headers', async () => {
      await registry.put('/v1/kv/raw', 'plain bytes');
      const res = await get('/v1/kv/raw?raw');
      expect(res.headers.get('content-type')).toBe('text/plain');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe('sandbox');
      expect(await res.text()).toBe('plain bytes');
    });

    it('lists a prefix with ?recurse, sorted, and 404s an empty prefix', async () => {
      await registry.put('/v1/kv/web/b', '2');
      await registry.put('/v1/kv/web/a', '1');
      await registry.put('/v1/kv/other', '3');
      const res = await get('/v1/kv/web/?recurse');
      expect(((await res.json()) as EntryJson[]).map((e) => e.Key)).toEqual(['web/a', 'web/b']);
      expect(index(res)).toBe(2);
      expect((await get('/v1/kv/none/?recurse')).status).toBe(404);
      expect(((await (await get('/v1/kv/?recurse')).json()) as EntryJson[]).length).toBe(3);
    });

    it('counts deletes under a prefix in its index (tombstones)', async () => {
      await registry.put('/v1/kv/p/a', '1');
      await registry.put('/v1/kv/p/b', '2');
      await registry.put('/v1/kv/q', '3');
      await registry.request('/v1/kv/p/b', { method: 'DELETE' });
      expect(index(await get('/v1/kv/p/?recurse'))).toBe(4);
      expect(index(await get('/v1/kv/p/?keys'))).toBe(4);
    });

    it('lists ?keys, cut after the separator (either spelling) and de-duplicated', async () => {
      for (const key of ['web/foo', 'web/bar', 'web/subdir/x', 'web/subdir/y'])
        await registry.put(`/v1/kv/${key}`, 'v');
      expect(await (await get('/v1/kv/web/?keys&separator=/')).json()).toEqual([
        'web/bar',
        'web/foo',
        'web/subdir/',
      ]);
      expect(await (await get('/v1/kv/web/?keys&seperator=/')).json()).toEqual([
        'web/bar',
        'web/foo',
        'web/subdir/',
      ]);
      expect(((await (await get('/v1/kv/web?keys')).json()) as string[]).length).toBe(4);
    });

    it('answers [] for keys at the root but 404 under an empty prefix', async () => {
      const root = await get('/v1/kv/?keys');
      expect(root.status).toBe(200);
      expect(await root.json()).toEqual([]);
      expect((await get('/v1/kv/none?keys')).status).toBe(404);
    });
  });

  describe('blocking GET', () => {
    it('blocks on a missing key across unrelated writes until the key appears', async () => {
      const before = index(await get('/v1/kv/later'));
      let settled = false;
      const pending = get(`/v1/kv/later?index=${before}&wait=1m`).then((res) => {
        settled = true;
        return res;
      });
      await registry.blocked();
      await registry.put('/v1/kv/unrelated', 'x');
      await registry.put('/v1/kv/unrelated2', 'x');
      expect(settled).toBe(false);
      await registry.put('/v1/kv/later', 'here');
      const res = await pending;
      expect(res.status).toBe(200);
      expect(((await res.json()) as EntryJson[])[0].Value).toBe(
        Buffer.from('here').toString('base64'),
      );
    });

    it('blocks on an existing key until it is modified', async () => {
      await registry.put('/v1/kv/k', 'one');
      const first = await get('/v1/kv/k');
      const pending = get(`/v1/kv/k?index=${index(first)}&wait=1m`);
      await registry.blocked();
      await registry.put('/v1/kv/other', 'x');
      await registry.put('/v1/kv/k', 'two');
      const res = await pending;
      expect(index(res)).toBe(3);
    });

    it('wakes a blocked key read on delete with a 404 and a higher index', async () => {
      await registry.put('/v1/kv/gone', 'one');
      const pending = get('/v1/kv/gone?index=1&wait=1m');
      await registry.blocked();
      await registry.request('/v1/kv/gone', { method: 'DELETE' });
      const res = await pending;
      expect(res.status).toBe(404);
      expect(index(res)).toBe(2);
    });

    it('returns the current result when the wait runs out', async () => {
      await registry.put('/v1/kv/still', 'one');
      // 1 s of registry time is 10 ms at the test scale.
      const res = await get('/v1/kv/still?index=1&wait=1s');
      expect(res.status).toBe(200);
      expect(index(res)).toBe(1);
    });

    it('refuses an invalid wait before anything else', async () => {
      const res = await get('/v1/kv/?wait=10');
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('Invalid wait time');
    });
  });

  describe('PUT', () => {
    it('creates with CreateIndex = ModifyIndex and bumps ModifyIndex on change only', async () => {
      expect(await registry.put('/v1/kv/k', 'v1')).toBe(true);
      await registry.put('/v1/kv/k', 'v2');
      expect(await entryOf('k')).toMatchObject({ CreateIndex: 1, ModifyIndex: 2 });
      await registry.put('/v1/kv/k', 'v2');
      expect(await entryOf('k')).toMatchObject({ ModifyIndex: 2 });
    });

    it('keeps uint64 flags exact', async () => {
      await registry.put('/v1/kv/f?flags=3304740253564472344', 'v');
      const text = await (await get('/v1/kv/f')).text();
      expect(text).toContain('"Flags":3304740253564472344');
    });

    it('creates only with cas=0 and writes over the matching ModifyIndex with cas=N', async () => {
      expect(await registry.put('/v1/kv/c?cas=0', 'a')).toBe(true);
      expect(await registry.put('/v1/kv/c?cas=0', 'b')).toBe(false);
      expect(await registry.put('/v1/kv/c?cas=99', 'b')).toBe(false);
      expect(await registry.put('/v1/kv/absent?cas=5', 'b')).toBe(false);
      expect(await registry.put('/v1/kv/c?cas=1', 'b')).toBe(true);
      expect((await entryOf('c')).Value).toBe(Buffer.from('b').toString('base64'));
    });

    it('refuses conflicting flags with the encoded query', async () => {
      const res = await registry.request('/v1/kv/k?cas=0&acquire=x', { method: 'PUT' });
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('Conflicting flags: acquire=x&cas=0');
    });

    it('answers 500 with the strconv text for non-numeric flags or cas', async () => {
      const flags = await registry.request('/v1/kv/k?flags=abc', { method: 'PUT' });
      expect(flags.status).toBe(500);
      expect(await flags.text()).toBe('strconv.ParseUint: parsing "abc": invalid syntax');
      const cas = await registry.request('/v1/kv/k?cas=-1', { method: 'PUT' });
      expect(cas.status).toBe(500);
    });

    it('refuses a value over 512 KiB with 413', async () => {
      const res = await registry.request('/v1/kv/big', {
        method: 'PUT',
        body: 'x'.repeat(512 * 1024 + 1),
      });
      expect(res.status).toBe(413);
      expect((await get('/v1/kv/big')).status).toBe(404);
    });

    it('refuses a missing key name', async () => {
      const res = await registry.request('/v1/kv/', { method: 'PUT', body: 'v' });
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('Missing key name');
    });
  });

  describe('DELETE', () => {
    const del = async (path: string) => (await registry.request(path, { method: 'DELETE' })).json();

    it('deletes a key, answering true also when it did not exist', async () => {
      await registry.put('/v1/kv/d', 'v');
      expect(await del('/v1/kv/d')).toBe(true);
      expect(await del('/v1/kv/d')).toBe(true);
      expect((await get('/v1/kv/d')).status).toBe(404);
    });

    it('deletes with cas only over the matching index; cas=0 never deletes an existing key', async () => {
      await registry.put('/v1/kv/d', 'v');
      expect(await del('/v1/kv/d?cas=0')).toBe(false);
      expect(await del('/v1/kv/d?cas=7')).toBe(false);
      expect(await del('/v1/kv/d?cas=1')).toBe(true);
      expect(await del('/v1/kv/d?cas=1')).toBe(true);
    });

    it('deletes a prefix with recurse, the whole store with an empty one', async () => {
      await registry.put('/v1/kv/t/a', 'v');
      await registry.put('/v1/kv/t/b', 'v');
      await registry.put('/v1/kv/u', 'v');
      expect(await del('/v1/kv/t/?recurse')).toBe(true);
      expect(await (await get('/v1/kv/?keys')).json()).toEqual(['u']);
      expect(await del('/v1/kv/?recurse')).toBe(true);
      expect(await (await get('/v1/kv/?keys')).json()).toEqual([]);
    });

    it('refuses recurse with cas, and a missing key name', async () => {
      const conflict = await registry.request('/v1/kv/t?recurse&cas=1', { method: 'DELETE' });
      expect(conflict.status).toBe(400);
      expect(await conflict.text()).toBe('Conflicting flags: cas=1&recurse=');
      const missing = await registry.request('/v1/kv/', { method: 'DELETE' });
      expect(await missing.text()).toBe('Missing key name');
    });
  });

  it('allows GET, PUT and DELETE only', async () => {
    const res = await registry.request('/v1/kv/k', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('OPTIONS,GET,PUT,DELETE');
  });
});
