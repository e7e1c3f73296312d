import { Module } from '@nestjs/common';
import { InMemoryReservationRepository } from './data/in-memory-reservation.repository';
import { InMemoryStockRepository } from './data/in-memory-stock.repository';
import { seedStock } from './data/stock.seed';
import { ReservationRepository } from './domain/reservation.repository';
import { StockLevels } from './domain/stock-levels';
import { StockRepository } from './domain/stock.repository';
import { StockReservations } from './domain/stock-reservations';
import { InventoryController } from './grpc/inventory.controller';

@Module({
  controllers: [InventoryController],
  providers: [
    StockLevels,
    StockReservations,
    { provide: StockRepository, useFactory: () => new InMemoryStockRepository(seedStock()) },
    { provide: ReservationRepository, useFactory: () => new InMemoryReservationRepository() },
  ],
})
export class InventoryModule {}
