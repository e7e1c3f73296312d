import { FAST_DISCOVERY_ENV, startShop, type RunningShop, type ShopPorts } from '@junction/testing';

export interface ConsolePorts {
  readonly console: number;
  readonly otlp: number;
}

export interface ObservedStack {
  readonly shop: RunningShop;
  readonly registryUrl: string;
  readonly consoleUrl: string;
  /** The UI URL with the token, as `npm start` prints it. */
  readonly consoleUiUrl: string;
  readonly consoleToken: string;
  stop(): Promise<void>;
}

/**
 * The shop as `npm start` runs it for an operator: the console started by
 * the launcher, every process exporting every span to its OTLP receiver and
 * every log line forwarded to it, each registered with its metrics port.
 */
export async function startObservedStack(options: {
  ports: ShopPorts;
  consolePorts: ConsolePorts;
  env?: Readonly<Record<string, string>>;
}): Promise<ObservedStack> {
  const shop = await startShop({
    ports: options.ports,
    console: { port: options.consolePorts.console, otlpPort: options.consolePorts.otlp },
    forwardLogs: true,
    env: {
      LOG_LEVEL: 'info',
      ...FAST_DISCOVERY_ENV,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      ...options.env,
    },
  });
  const console = shop.platform.console;
  if (!console) {
    await shop.stop();
    throw new Error('the launcher started no console');
  }
  return {
    shop,
    registryUrl: shop.platform.consulAddress,
    consoleUrl: console.url,
    consoleUiUrl: console.uiUrl,
    consoleToken: console.token,
    stop: () => shop.stop(),
  };
}
