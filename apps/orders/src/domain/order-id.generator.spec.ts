import { Status } from '@junction/grpc-server';
import { ManualClock } from '../testing/order-fakes';
import { decodeOrderId, ORDER_ID_EPOCH_MS, OrderIdGenerator, TICK_MS } from './order-id.generator';

const increasing = (ids: readonly string[]): boolean =>
  ids.every((id, i) => i === 0 || BigInt(ids[i - 1]) < BigInt(id));

const take = (generator: OrderIdGenerator, count: number): string[] =>
  Array.from({ length: count }, () => generator.next());

describe('OrderIdGenerator', () => {
  it('lays out time, sequence and machine id as sonyflake does', () => {
    const clock = new ManualClock(ORDER_ID_EPOCH_MS + 123_456_789);
    const generator = new OrderIdGenerator(4321, clock);
    const [first, second] = take(generator, 2);
    const tickStart = ORDER_ID_EPOCH_MS + Math.floor(123_456_789 / TICK_MS) * TICK_MS;
    expect(decodeOrderId(first)).toEqual({ timeMs: tickStart, sequence: 0, machineId: 4321 });
    expect(decodeOrderId(second)).toEqual({ timeMs: tickStart, sequence: 1, machineId: 4321 });
    expect(BigInt(first)).toBe((12_345_678n << 24n) | 4321n);
  });

  it('renders ids as plain decimal strings below 2^63', () => {
    const clock = new ManualClock(ORDER_ID_EPOCH_MS + 150 * 365 * 86_400_000);
    const id = new OrderIdGenerator(65_535, clock).next();
    expect(id).toMatch(/^[1-9]\d{0,18}$/);
    expect(BigInt(id) < 2n ** 63n).toBe(true);
  });

  it('issues strictly increasing, unique ids over many calls and ticks', () => {
    const clock = new ManualClock();
    const generator = new OrderIdGenerator(1, clock);
    const ids: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      if (i % 97 === 0) clock.advance(3);
      ids.push(generator.next());
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(increasing(ids)).toBe(true);
  });

  it('borrows the next tick when a tick runs out of its 256 sequence numbers', () => {
    const clock = new ManualClock();
    const generator = new OrderIdGenerator(7, clock);
    const ids = take(generator, 257);
    const first = decodeOrderId(ids[0]);
    expect(decodeOrderId(ids[255])).toMatchObject({ timeMs: first.timeMs, sequence: 255 });
    expect(decodeOrderId(ids[256])).toMatchObject({ timeMs: first.timeMs + TICK_MS, sequence: 0 });
    clock.advance(TICK_MS);
    const next = generator.next();
    expect(decodeOrderId(next)).toMatchObject({ timeMs: first.timeMs + TICK_MS, sequence: 1 });
    expect(increasing([...ids, next])).toBe(true);
  });

  it('never repeats or decreases when the clock goes backwards', () => {
    const clock = new ManualClock();
    const generator = new OrderIdGenerator(9, clock);
    const before = take(generator, 10);
    clock.advance(-5_000);
    const during = take(generator, 600);
    clock.advance(6_000);
    const after = take(generator, 10);
    const ids = [...before, ...during, ...after];
    expect(new Set(ids).size).toBe(ids.length);
    expect(increasing(ids)).toBe(true);
    expect(decodeOrderId(after[0]).sequence).toBe(0);
  });

  it('refuses with UNAVAILABLE rather than run further ahead of the clock than allowed', () => {
    const clock = new ManualClock();
    const generator = new OrderIdGenerator(1, clock, 1);
    const ids = take(generator, 512);
    expect(() => generator.next()).toThrow(
      expect.objectContaining({ code: Status.UNAVAILABLE, reason: 'ORDER_ID_EXHAUSTED' }),
    );
    clock.advance(TICK_MS);
    const resumed = generator.next();
    expect(increasing([...ids, resumed])).toBe(true);
  });

  it.each([-1, 65_536, 1.5])('rejects machine id %s', (machineId) => {
    expect(() => new OrderIdGenerator(machineId)).toThrow(RangeError);
  });

  it('fails rather than issue an id when the clock is before the epoch', () => {
    const generator = new OrderIdGenerator(1, new ManualClock(ORDER_ID_EPOCH_MS - 1));
    expect(() => generator.next()).toThrow('before the order id epoch');
  });
});
