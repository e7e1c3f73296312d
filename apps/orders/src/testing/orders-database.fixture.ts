// A real orders schema for specs: PGlite in memory, migrated by the same
// code as production, one per spec file, emptied before each test.
// Only specs import this file.
import { Module, type DynamicModule } from '@nestjs/common';
import { SERVICE_DATABASE } from '@junction/grpc-server';
import { IN_MEMORY_SETTINGS, openDatabase, type Database } from '@junction/persistence';
import type { Kysely } from 'kysely';
import { ORDERS_MIGRATIONS } from '../data/orders.migrations';
import type { OrdersTables } from '../data/orders.tables';

export interface OrdersDatabaseFixture {
  readonly db: Kysely<OrdersTables>;
}

/** Call inside a describe: `fixture.db` is ready in every test, with no rows. */
export function ordersDatabasePerTest(): OrdersDatabaseFixture {
  const fixture = {} as { db: Kysely<OrdersTables> };
  let database: Database<OrdersTables> | undefined;
  beforeAll(async () => {
    database = await openDatabase<OrdersTables>({
      service: 'orders',
      settings: IN_MEMORY_SETTINGS,
      migrations: ORDERS_MIGRATIONS,
    });
    fixture.db = database.db;
  });
  beforeEach(async () => {
    await fixture.db.deleteFrom('idempotency_keys').execute();
    await fixture.db.deleteFrom('order_lines').execute();
    await fixture.db.deleteFrom('orders').execute();
  });
  afterAll(() => database?.close());
  return fixture;
}

@Module({})
class DatabaseRuntime {}
@Module({})
class ServiceRoot {}

/** `module` with SERVICE_DATABASE provided globally, as runService provides it. */
export const withServiceDatabase = (
  module: DynamicModule,
  db: Kysely<OrdersTables>,
): DynamicModule => ({
  module: ServiceRoot,
  imports: [
    {
      module: DatabaseRuntime,
      global: true,
      providers: [{ provide: SERVICE_DATABASE, useValue: db }],
      exports: [SERVICE_DATABASE],
    },
    module,
  ],
});
