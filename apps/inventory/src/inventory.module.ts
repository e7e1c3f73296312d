import { Module } from '@nestjs/common';
import { SERVICE_CONFIG, SERVICE_DATABASE } from '@junction/grpc-server';
import type { Kysely } from 'kysely';
import { stockReadTtlMs, type InventoryConfig } from './config/inventory.config';
import type { InventoryTables } from './data/inventory.tables';
import { ReadCachedInventoryStore } from './data/read-cached-inventory.store';
import { SqlInventoryStore } from './data/sql-inventory.store';
import { InventoryStore } from './domain/inventory.store';
import { StockLevels } from './domain/stock-levels';
import { StockReservations } from './domain/stock-reservations';
import { InventoryController } from './grpc/inventory.controller';

/** The SQL store, its stock reads answered from memory unless the TTL is 0. */
function inventoryStore(db: Kysely<InventoryTables>, config: InventoryConfig): InventoryStore {
  const store = new SqlInventoryStore(db);
  const ttlMs = stockReadTtlMs(config);
  return ttlMs > 0 ? new ReadCachedInventoryStore(store, { ttlMs }) : store;
}

@Module({
  controllers: [InventoryController],
  providers: [
    StockLevels,
    StockReservations,
    {
      provide: InventoryStore,
      inject: [SERVICE_DATABASE, SERVICE_CONFIG],
      useFactory: inventoryStore,
    },
  ],
})
export class InventoryModule {}
