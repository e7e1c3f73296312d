import { Module } from '@nestjs/common';
import { SERVICE_DATABASE } from '@junction/grpc-server';
import type { Kysely } from 'kysely';
import type { InventoryTables } from './data/inventory.tables';
import { SqlInventoryStore } from './data/sql-inventory.store';
import { InventoryStore } from './domain/inventory.store';
import { StockLevels } from './domain/stock-levels';
import { StockReservations } from './domain/stock-reservations';
import { InventoryController } from './grpc/inventory.controller';

@Module({
  controllers: [InventoryController],
  providers: [
    StockLevels,
    StockReservations,
    {
      provide: InventoryStore,
      inject: [SERVICE_DATABASE],
      useFactory: (db: Kysely<InventoryTables>) => new SqlInventoryStore(db),
    },
  ],
})
export class InventoryModule {}
