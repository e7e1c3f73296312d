import { KvStore } from './kv-store';

const write = (key: string, value = 'v', flags = 0n) => ({ key, value: Buffer.from(value), flags });

describe('KvStore', () => {
  it('uses the whole-table index for an empty or never-written prefix', () => {
    const store = new KvStore();
    store.set(1, write('a/x'));
    store.set(2, write('b/x'));
    expect(store.list('').index).toBe(2);
    expect(store.list('a/').index).toBe(1);
    expect(store.list('zzz/').index).toBe(2);
  });

  it('keeps a tombstone so a prefix index moves on delete', () => {
    const store = new KvStore();
    store.set(1, write('a/x'));
    store.set(2, write('a/y'));
    store.set(3, write('b'));
    store.delete(4, 'a/y');
    expect(store.list('a/').index).toBe(4);
    expect(store.index).toBe(4);
  });

  it('does not move any index for a delete of an absent key', () => {
    const store = new KvStore();
    store.set(1, write('a'));
    store.delete(2, 'nope');
    expect(store.index).toBe(1);
  });

  it('skips an identical rewrite entirely, table index included', () => {
    const store = new KvStore();
    store.set(1, write('a', 'same', 3n));
    store.set(2, write('a', 'same', 3n));
    expect(store.get('a')?.modifyIndex).toBe(1);
    expect(store.index).toBe(1);
  });

  it('keeps the holder on a plain set but resets LockIndex to the request’s 0, as Go does', () => {
    const store = new KvStore();
    store.lock(1, write('l'), 's1');
    store.set(2, write('l', 'other'));
    expect(store.get('l')).toMatchObject({ session: 's1', lockIndex: 0, modifyIndex: 2 });
  });

  it('releases on invalidation keeping value, flags and LockIndex, bumping ModifyIndex', () => {
    const store = new KvStore();
    store.lock(1, write('l', 'v', 9n), 's1');
    store.release(2, 'l');
    expect(store.get('l')).toMatchObject({
      session: '',
      lockIndex: 1,
      flags: 9n,
      createIndex: 1,
      modifyIndex: 2,
    });
    expect(store.get('l')?.value?.toString()).toBe('v');
  });

  it('stores an empty value as null', () => {
    const store = new KvStore();
    store.set(1, write('e', ''));
    expect(store.get('e')?.value).toBeNull();
  });
});
