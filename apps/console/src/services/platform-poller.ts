import type { EdgeView, ProcessView, RouteRed, ServicesView } from '@junction/console-api';
import type { BreakerForce } from '@junction/resilience';
import type { Logger } from '@junction/telemetry';
import type Consul from 'consul';
import type { LauncherClient } from '../control/launcher.client';
import { breakerViews, type ScrapedInstance } from './breaker-views';
import { readBreakerForces } from './breaker-forces.reader';
import { EdgeTracker } from './edge.tracker';
import { metricsUrl, scrapeMetrics } from './metrics-scrape';
import { readRegistry } from './registry.reader';
import { RouteRedTracker } from './route-red.tracker';

export interface PlatformPollerOptions {
  readonly consul: Consul;
  readonly launcher: LauncherClient | undefined;
  readonly refreshMs: number;
  readonly historyPoints: number;
  readonly logger: Logger;
}

/**
 * What the console knows of the running platform, refreshed every
 * CONSOLE_REFRESH_MS: the registry (services, instances, checks), the forced
 * breaker states, each instance's metrics (breakers, route RED, edge) and
 * the launcher's processes. Readers get the last complete picture; when the
 * registry fails, the last good one with the reason.
 */
export class PlatformPoller {
  private services: ServicesView = { services: [], breakers: [] };
  private processList: ProcessView[] = [];
  private readonly routeRed: RouteRedTracker;
  private readonly edgeTracker: EdgeTracker;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: PlatformPollerOptions) {
    this.routeRed = new RouteRedTracker(options.historyPoints);
    this.edgeTracker = new EdgeTracker(options.historyPoints);
  }

  get servicesView(): ServicesView {
    return this.services;
  }

  get processes(): readonly ProcessView[] {
    return this.processList;
  }

  get routes(): RouteRed[] {
    return this.routeRed.views();
  }

  get edge(): EdgeView {
    return this.edgeTracker.view();
  }

  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.running = this.refresh().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.options.refreshMs);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One round; never rejects (each part's failure is logged or reported). */
  async refresh(): Promise<void> {
    const timeoutMs = Math.max(500, this.options.refreshMs);
    const [registry, forces, processes] = await Promise.allSettled([
      readRegistry(this.options.consul, timeoutMs),
      readBreakerForces(this.options.consul, timeoutMs),
      this.options.launcher?.processes() ?? Promise.resolve([]),
    ]);
    if (processes.status === 'fulfilled') this.processList = processes.value;
    else this.options.logger.debug({ err: processes.reason }, 'launcher not read');
    if (registry.status === 'rejected') {
      this.services = { ...this.services, registryError: describe(registry.reason) };
      return;
    }
    const instances = registry.value.flatMap((service) =>
      service.instances.flatMap((instance) =>
        instance.metricsPort === undefined
          ? []
          : [
              {
                service: service.name,
                instance,
                url: metricsUrl(instance.address, instance.metricsPort),
              },
            ],
      ),
    );
    const scraped = (
      await Promise.all(
        instances.map(async ({ service, instance, url }): Promise<ScrapedInstance | undefined> => {
          try {
            const families = await scrapeMetrics(url, timeoutMs);
            return { service, instance: instance.id, families };
          } catch (error) {
            this.options.logger.debug({ err: error, instance: instance.id }, 'metrics not scraped');
            return undefined;
          }
        }),
      )
    ).filter((s): s is ScrapedInstance => s !== undefined);
    const atMs = Date.now();
    const registered = new Set(registry.value.flatMap((s) => s.instances.map((i) => i.id)));
    this.routeRed.update(scraped, registered, atMs);
    this.edgeTracker.update(scraped, registered, atMs);
    const forceMap: Map<string, BreakerForce> | undefined =
      forces.status === 'fulfilled' ? forces.value : undefined;
    this.services = { services: registry.value, breakers: breakerViews(scraped, forceMap) };
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
