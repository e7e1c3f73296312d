import { RaftIndex } from '../state/raft-index';
import { RegistryClock } from '../time/registry-clock';
import { KvStore } from './kv-store';
import { LockDelays } from './lock-delay';
import { decodeSessionRequest } from './session.schema';
import { SessionStore } from './session-store';

describe('SessionStore timers', () => {
  let sessions: SessionStore;
  let lockDelays: LockDelays;
  let kv: KvStore;
  beforeEach(() => {
    jest.useFakeTimers();
    const clock = new RegistryClock(1);
    kv = new KvStore();
    lockDelays = new LockDelays(clock);
    sessions = new SessionStore({ raft: new RaftIndex(), clock, kv, lockDelays, nodeName: 'n1' });
  });
  afterEach(() => {
    sessions.close();
    lockDelays.close();
    jest.useRealTimers();
  });

  const create = (body: object) =>
    sessions.create(decodeSessionRequest(JSON.stringify(body), 'n1'));

  it('destroys a TTL session only after twice its TTL without renewal', () => {
    const { id } = create({ TTL: '10s' });
    jest.advanceTimersByTime(19_999);
    expect(sessions.get(id)).toBeDefined();
    jest.advanceTimersByTime(1);
    expect(sessions.get(id)).toBeUndefined();
  });

  it('restarts the 2 × TTL timer on each renew', () => {
    const { id } = create({ TTL: '10s' });
    jest.advanceTimersByTime(15_000);
    sessions.renew(id);
    jest.advanceTimersByTime(19_999);
    expect(sessions.get(id)).toBeDefined();
    jest.advanceTimersByTime(1);
    expect(sessions.get(id)).toBeUndefined();
  });

  it('keeps a session without TTL until destroyed', () => {
    const { id } = create({});
    jest.advanceTimersByTime(48 * 3600_000);
    expect(sessions.get(id)).toBeDefined();
  });

  it('clamps the lock-delay window to 60 s', () => {
    const { id } = create({ LockDelay: '5m' });
    kv.lock(10, { key: 'k', value: Buffer.from('v'), flags: 0n }, id);
    sessions.destroy(id);
    jest.advanceTimersByTime(59_999);
    expect(lockDelays.active('k')).toBe(true);
    jest.advanceTimersByTime(1);
    expect(lockDelays.active('k')).toBe(false);
  });
});
