import { waitUntil } from '@junction/test-support';
import { z } from 'zod';
import { KvConfigWatch } from './kv-config-watch';
import type { KvAnswer, KvSource } from './kv-source.port';

const schema = z.object({
  timeoutMs: z.number().int().positive().default(2000),
  degraded: z.array(z.string()).default([]),
});

/** Plays answers, then blocks until stopped. */
function scripted(answers: KvAnswer[]) {
  let reads = 0;
  const source: KvSource = (_key, _index, _wait, signal) => {
    reads += 1;
    const next = answers.shift();
    if (next) return Promise.resolve(next);
    return new Promise((_, reject) =>
      signal.addEventListener('abort', () => reject(new Error('stopped'))),
    );
  };
  return { source, reads: () => reads };
}

const start = (source: KvSource, invalid: string[] = []) =>
  new KvConfigWatch({
    key: 'junction/config/gateway',
    source,
    schema,
    waitMs: 1000,
    backoff: { initialMs: 10, maxMs: 100 },
    onInvalid: (problem) => invalid.push(problem),
    sleep: async () => undefined,
  });

describe('KvConfigWatch', () => {
  let watch: KvConfigWatch<typeof schema> | undefined;
  afterEach(() => watch?.stop());

  it('uses the defaults while the key does not exist', async () => {
    const { source, reads } = scripted([{ index: 3n, value: undefined }]);
    watch = start(source);
    await waitUntil(() => reads() === 2);
    expect(watch.current).toEqual({ timeoutMs: 2000, degraded: [] });
  });

  it('says it is loaded only once the first answer came (an absent key too)', async () => {
    const { source, reads } = scripted([]);
    watch = start(source);
    await waitUntil(() => reads() === 1);
    expect(watch.loaded).toBe(false);
    const answered = scripted([{ index: 3n, value: undefined }]);
    const second = start(answered.source);
    await waitUntil(() => answered.reads() === 2);
    expect(second.loaded).toBe(true);
    await second.stop();
  });

  it('applies a new value, defaults filling the rest', async () => {
    const { source, reads } = scripted([
      { index: 3n, value: undefined },
      { index: 4n, value: '{"degraded":["reviews"]}' },
    ]);
    watch = start(source);
    await waitUntil(() => reads() === 3);
    expect(watch.current).toEqual({ timeoutMs: 2000, degraded: ['reviews'] });
  });

  it('refuses an invalid value and keeps the last good one', async () => {
    const invalid: string[] = [];
    const { source, reads } = scripted([
      { index: 4n, value: '{"timeoutMs":500}' },
      { index: 5n, value: '{"timeoutMs":-1}' },
      { index: 6n, value: '{not json' },
    ]);
    watch = start(source, invalid);
    await waitUntil(() => reads() === 4);
    expect(watch.current.timeoutMs).toBe(500);
    expect(invalid).toEqual([
      expect.stringMatching(/^junction\/config\/gateway refused: timeoutMs: /),
      expect.stringMatching(/^junction\/config\/gateway is not JSON/),
    ]);
  });

  it('goes back to the defaults when the key is deleted', async () => {
    const { source, reads } = scripted([
      { index: 4n, value: '{"timeoutMs":500}' },
      { index: 9n, value: undefined },
    ]);
    watch = start(source);
    await waitUntil(() => reads() === 3);
    expect(watch.current.timeoutMs).toBe(2000);
  });

  it('applies a value once however often unrelated writes wake the watch', async () => {
    const applied: unknown[] = [];
    const { source, reads } = scripted([
      { index: 4n, value: '{"timeoutMs":500}' },
      { index: 5n, value: '{"timeoutMs":500}' },
      { index: 6n, value: '{"timeoutMs":700}' },
      { index: 7n, value: '{"timeoutMs":700}' },
    ]);
    watch = new KvConfigWatch({
      key: 'junction/config/gateway',
      source,
      schema,
      waitMs: 1000,
      backoff: { initialMs: 10, maxMs: 100 },
      onChange: (config) => applied.push(config.timeoutMs),
      sleep: async () => undefined,
    });
    await waitUntil(() => reads() === 5);
    expect(applied).toEqual([500, 700]);
  });
});
