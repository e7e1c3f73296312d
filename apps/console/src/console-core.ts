import type { ServiceMapView, StoreStats } from '@junction/console-api';
import { consulClient } from '@junction/discovery';
import type { Logger } from '@junction/telemetry';
import { ApiKeyControl } from './api-keys/api-key.control';
import type { ConsoleConfig } from './config/console.config';
import { KvControl } from './control/kv-control';
import { KvDocuments } from './control/kv-documents';
import { LauncherClient } from './control/launcher.client';
import { LogStore } from './logs/log-store';
import { CallEdges } from './map/call-edges';
import { serviceMap } from './map/service-map';
import { OtlpIngest } from './otlp/otlp-ingest';
import { PlatformPoller } from './services/platform-poller';
import { SpanStore } from './traces/span-store';

export const CONSOLE_CORE = Symbol('ConsoleCore');

/** Everything the console holds, framework-free; the Nest controllers are views onto it. */
export interface ConsoleCore {
  readonly spans: SpanStore;
  readonly logs: LogStore;
  readonly ingest: OtlpIngest;
  readonly calls: CallEdges;
  readonly platform: PlatformPoller;
  readonly control: KvControl;
  readonly apiKeys: ApiKeyControl;
  /** Undefined when the console was not started by `npm start`. */
  readonly launcher: LauncherClient | undefined;
  storeStats(): StoreStats;
  /** The service map, computed at most once per MAP_CACHE_MS for every reader. */
  serviceMap(): ServiceMapView;
}

const MAP_CACHE_MS = 500;

export function createConsoleCore(config: ConsoleConfig, logger: Logger): ConsoleCore {
  const spans = new SpanStore(config.CONSOLE_MAX_SPANS);
  const logs = new LogStore(config.CONSOLE_MAX_LOGS);
  const calls = new CallEdges(spans, config.CONSOLE_MAP_WINDOW_S);
  const ingest = new OtlpIngest(
    spans,
    logs,
    {
      maxAttributes: config.CONSOLE_MAX_ATTRIBUTES,
      maxValueLength: config.CONSOLE_MAX_VALUE_LENGTH,
    },
    (batch) => calls.record(batch),
  );
  const consul = consulClient(config.CONSUL_HTTP_ADDR);
  const launcher =
    config.JUNCTION_LAUNCHER_URL && config.JUNCTION_LAUNCHER_TOKEN
      ? new LauncherClient({
          url: config.JUNCTION_LAUNCHER_URL,
          token: config.JUNCTION_LAUNCHER_TOKEN,
          timeoutMs: 5000,
        })
      : undefined;
  const platform = new PlatformPoller({
    consul,
    launcher,
    refreshMs: config.CONSOLE_REFRESH_MS,
    historyPoints: config.CONSOLE_HISTORY_POINTS,
    logger,
  });
  let map: { atMs: number; view: ServiceMapView } | undefined;
  return {
    spans,
    logs,
    ingest,
    calls,
    platform,
    control: new KvControl(new KvDocuments(consul, 5000)),
    apiKeys: new ApiKeyControl(config.CONSUL_HTTP_ADDR, 5000),
    launcher,
    storeStats: () => ({ ...spans.stats(), ...logs.stats(), capped: { ...ingest.capped } }),
    serviceMap: () => {
      const now = Date.now();
      if (!map || now - map.atMs >= MAP_CACHE_MS) {
        map = { atMs: now, view: serviceMap(platform.servicesView.services, calls) };
      }
      return map.view;
    },
  };
}
