import { RaftIndex } from '../state/raft-index';
import { RegistryClock } from '../time/registry-clock';
import { blockingQuery, type QueryResult } from './blocking-query';
import { HttpError } from './http-error';

const params = (query: Record<string, string>) => new URLSearchParams(query);

describe('blockingQuery', () => {
  const clock = new RegistryClock(0.01);
  const signal = new AbortController().signal;

  it('answers at once without an index', async () => {
    const raft = new RaftIndex();
    const run = jest.fn(() => ({ value: 'v', index: 3 }));
    await expect(
      blockingQuery(params({ wait: '10m' }), signal, run, { raft, clock }),
    ).resolves.toEqual({ value: 'v', index: 3 });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('answers at once when the result is newer than the client index', async () => {
    const raft = new RaftIndex();
    const result = await blockingQuery(
      params({ index: '2' }),
      signal,
      () => ({ value: 'v', index: 3 }),
      { raft, clock },
    );
    expect(result.index).toBe(3);
  });

  it('blocks until a write moves the result past the client index', async () => {
    const raft = new RaftIndex();
    let index = 5;
    const pending = blockingQuery(
      params({ index: '5', wait: '10m' }),
      signal,
      () => ({ value: index, index }),
      { raft, clock },
    );
    raft.commit(() => undefined); // an unrelated write: the result stays at 5
    raft.commit(() => (index = 6));
    await expect(pending).resolves.toEqual({ value: 6, index: 6 });
  });

  it('returns the current result when the wait runs out, with the jitter bounded by 1/16', async () => {
    const raft = new RaftIndex();
    const started = Date.now();
    const result = await blockingQuery(
      params({ index: '9', wait: '10s' }),
      signal,
      () => ({ value: 'same', index: 9 }),
      {
        raft,
        clock,
        random: () => 0.999,
      },
    );
    const elapsed = Date.now() - started;
    expect(result).toEqual({ value: 'same', index: 9 });
    expect(elapsed).toBeGreaterThanOrEqual(100 - 5);
  });

  it('keeps a not-found result blocking across unrelated writes', async () => {
    const raft = new RaftIndex();
    let found = false;
    const run = (): QueryResult<string | null> =>
      found
        ? { value: 'here', index: raft.value }
        : { value: null, index: raft.value, notFound: true };
    raft.commit(() => undefined);
    const pending = blockingQuery(params({ index: '1', wait: '10m' }), signal, run, {
      raft,
      clock,
    });
    raft.commit(() => undefined);
    raft.commit(() => (found = true));
    await expect(pending).resolves.toEqual({ value: 'here', index: 3 });
  });

  it.each([
    [{ index: 'abc' }, 'Invalid index'],
    [{ index: '-1' }, 'Invalid index'],
    [{ index: '1', wait: '10' }, 'Invalid wait time'],
    [{ index: '1', wait: 'soon' }, 'Invalid wait time'],
  ])('refuses %j with 400 %s', async (query, text) => {
    const raft = new RaftIndex();
    const error = await blockingQuery(params(query), signal, () => ({ value: 1, index: 1 }), {
      raft,
      clock,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, message: text });
  });
});
