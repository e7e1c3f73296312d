import { unavailable } from '@junction/grpc-server';
import { Clock, SystemClock } from './clock';

/** Order ids count time from 2026-01-01T00:00:00Z, so 39 bits last ~174 years. */
export const ORDER_ID_EPOCH_MS = Date.UTC(2026, 0, 1);
/** One id tick: 10 ms, as in sonyflake. */
export const TICK_MS = 10;
/** How far id time may run ahead of the wall clock (see OrderIdGenerator). */
export const DEFAULT_MAX_LEAD_TICKS = 100;

const TIME_BITS = 39;
const SEQUENCE_BITS = 8;
const MACHINE_BITS = 16;
const MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;
const MAX_MACHINE = (1 << MACHINE_BITS) - 1;
const MAX_TICK = 2 ** TIME_BITS - 1;

/**
 * Time-ordered 63-bit ids in the sonyflake layout, as decimal strings:
 * 39 bits of 10 ms ticks since ORDER_ID_EPOCH_MS | 8 bits sequence | 16 bits
 * machine id. Ids from one generator strictly increase.
 *
 * When the 256 ids of a tick run out, or the clock goes backwards, the
 * generator borrows the next tick instead of waiting for it: next() stays
 * synchronous and never spins or stalls the event loop. Sonyflake sleeps
 * there so its id time never runs ahead of the clock; the reason to care is
 * a restart, which starts again from the wall clock and could reissue ids the
 * previous process borrowed. So borrowing may run at most maxLeadTicks
 * (1 s by default, less than a restart takes) past the latest time the clock
 * has shown: beyond that, next() refuses with UNAVAILABLE until the clock
 * catches up. Only a sustained rate over 25,600 ids/s trips it; a clock that
 * steps back just keeps counting on the last tick until it catches up.
 */
export class OrderIdGenerator {
  private lastTick = -1;
  private sequence = 0;
  /** The latest tick the clock has shown; borrowing is measured from it. */
  private clockHighTick = -1;

  constructor(
    private readonly machineId: number,
    private readonly clock: Clock = new SystemClock(),
    private readonly maxLeadTicks = DEFAULT_MAX_LEAD_TICKS,
  ) {
    if (!Number.isInteger(machineId) || machineId < 0 || machineId > MAX_MACHINE) {
      throw new RangeError(`machine id must be an integer from 0 to ${MAX_MACHINE}`);
    }
  }

  next(): string {
    const now = this.currentTick();
    this.clockHighTick = Math.max(this.clockHighTick, now);
    let tick: number;
    let sequence: number;
    if (now > this.lastTick) {
      tick = now;
      sequence = 0;
    } else if (this.sequence < MAX_SEQUENCE) {
      // Same tick, or the clock went back: keep counting on the last tick.
      tick = this.lastTick;
      sequence = this.sequence + 1;
    } else {
      tick = this.lastTick + 1;
      sequence = 0;
      if (tick - this.clockHighTick > this.maxLeadTicks) {
        throw unavailable(
          'order ids are exhausted for the moment; retry shortly',
          'ORDER_ID_EXHAUSTED',
        );
      }
    }
    if (tick > MAX_TICK) throw new Error('order id time overflowed 39 bits');
    this.lastTick = tick;
    this.sequence = sequence;
    return composeOrderId(tick, sequence, this.machineId).toString();
  }

  private currentTick(): number {
    const elapsed = this.clock.now() - ORDER_ID_EPOCH_MS;
    if (elapsed < 0) throw new Error('the clock is before the order id epoch (2026-01-01)');
    return Math.floor(elapsed / TICK_MS);
  }
}

const composeOrderId = (tick: number, sequence: number, machineId: number): bigint =>
  (BigInt(tick) << BigInt(SEQUENCE_BITS + MACHINE_BITS)) |
  (BigInt(sequence) << BigInt(MACHINE_BITS)) |
  BigInt(machineId);

export interface OrderIdParts {
  /** Start of the id's tick, epoch ms. */
  readonly timeMs: number;
  readonly sequence: number;
  readonly machineId: number;
}

/** The fields of an id made by OrderIdGenerator. */
export function decodeOrderId(id: string): OrderIdParts {
  const value = BigInt(id);
  const tick = Number(value >> BigInt(SEQUENCE_BITS + MACHINE_BITS));
  return {
    timeMs: ORDER_ID_EPOCH_MS + tick * TICK_MS,
    sequence: Number((value >> BigInt(MACHINE_BITS)) & BigInt(MAX_SEQUENCE)),
    machineId: Number(value & BigInt(MAX_MACHINE)),
  };
}
