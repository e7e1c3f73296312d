// Test doubles for the domain's ports. Only specs import this file.
import { Clock } from '../domain/clock';
import { ORDER_ID_EPOCH_MS } from '../domain/order-id.generator';
import type { OrderLine } from '../domain/order-lines';
import { PriceList, type Price } from '../domain/price-list.port';
import { StockReservations } from '../domain/stock-reservations.port';

/** A promise whose settling the test controls. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A clock that moves only when told to, in either direction. */
export class ManualClock extends Clock {
  constructor(public time = ORDER_ID_EPOCH_MS + 86_400_000) {
    super();
  }
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/** A catalog in memory; `hold` parks calls until the test releases them. */
export class FakePriceList extends PriceList {
  readonly calls: string[][] = [];
  failure: unknown;
  hold: Promise<void> | undefined;

  constructor(readonly catalog: Map<string, Price> = new Map()) {
    super();
  }

  async prices(productIds: readonly string[]): Promise<ReadonlyMap<string, Price>> {
    this.calls.push([...productIds]);
    if (this.hold) await this.hold;
    if (this.failure) throw this.failure;
    const found = productIds.filter((id) => this.catalog.has(id));
    return new Map(found.map((id) => [id, this.catalog.get(id) as Price]));
  }
}

/** Inventory in memory: records every reserve and release. */
export class FakeStockReservations extends StockReservations {
  readonly reserveCalls: { orderId: string; lines: OrderLine[] }[] = [];
  readonly releaseCalls: string[] = [];
  readonly held = new Map<string, OrderLine[]>();
  failure: unknown;

  async reserve(orderId: string, lines: readonly OrderLine[]): Promise<void> {
    this.reserveCalls.push({ orderId, lines: [...lines] });
    if (this.failure) throw this.failure;
    this.held.set(orderId, [...lines]);
  }

  async release(orderId: string): Promise<void> {
    this.releaseCalls.push(orderId);
    this.held.delete(orderId);
  }
}
