/**
 * The catalog's index bookkeeping (Consul's `index` table): one entry per
 * service name, the services table, and the "last service extinction"
 * index that health/catalog reads of a missing service report (§3.2).
 */
export class CatalogIndexes {
  private readonly perService = new Map<string, number>();
  private extinction = 0;
  private servicesTable = 0;

  /** An instance of `name`, or a check on one, changed at `index`. */
  touchService(name: string, index: number): void {
    this.perService.set(name, index);
  }

  /** The set of services (names, tags, instances) changed at `index`. */
  touchServicesTable(index: number): void {
    this.servicesTable = index;
  }

  /** The last instance of `name` left the catalog at `index`. */
  extinct(name: string, index: number): void {
    this.perService.delete(name);
    this.extinction = index;
    this.servicesTable = index;
  }

  /** What a read of `name` reports: its own index, or the extinction index. */
  forService(name: string): number {
    return this.perService.get(name) ?? this.extinction;
  }

  forServicesTable(): number {
    return this.servicesTable;
  }
}
