import { hostField, logLevelField } from '@junction/config';
import { z } from 'zod';
import { isLoopbackHost } from './loopback';

/** A port to listen on; 0 picks a free one (tests). */
const listenPort = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback);

const count = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

const optionalText = (min: number) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === '' ? undefined : value))
    .pipe(z.string().min(min).optional());

/** `host` or `host:port`, comma separated; blanks ignored. */
const hostList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean),
  );

export const consoleConfigSchema = z
  .object({
    CONSOLE_HOST: hostField('127.0.0.1'),
    CONSOLE_PORT: listenPort(8090),
    CONSOLE_OTLP_PORT: listenPort(4318),
    /** The UI/API token; generated (and logged) when unset. */
    CONSOLE_TOKEN: optionalText(16),
    /** Required in `x-otlp-api-key` on OTLP requests when set. */
    CONSOLE_OTLP_API_KEY: optionalText(16),
    /** More `Host` values to accept (behind a proxy or on a LAN name). */
    CONSOLE_ALLOWED_HOSTS: hostList,
    CONSOLE_MAX_SPANS: count(100_000, 10_000_000),
    CONSOLE_MAX_LOGS: count(50_000, 10_000_000),
    CONSOLE_OTLP_MAX_BYTES: count(4 * 1024 * 1024, 64 * 1024 * 1024),
    CONSOLE_MAX_ATTRIBUTES: count(128, 10_000),
    CONSOLE_MAX_VALUE_LENGTH: count(4096, 1_000_000),
    /** How often the registry is read and every instance's metrics scraped. */
    CONSOLE_REFRESH_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
    /** Points of route and edge history kept (one per refresh). */
    CONSOLE_HISTORY_POINTS: count(120, 10_000),
    /** The window the service map's edge rates, error ratios and p99 cover. */
    CONSOLE_MAP_WINDOW_S: count(60, 3600),
    /** Where the built UI is; relative paths from the workspace root. */
    CONSOLE_UI_DIR: optionalText(1),
    CONSUL_HTTP_ADDR: z.string().min(1).default('http://127.0.0.1:8500'),
    /** The launcher's control API, set by `npm start`. */
    JUNCTION_LAUNCHER_URL: optionalText(1).pipe(z.url().optional()),
    JUNCTION_LAUNCHER_TOKEN: optionalText(1),
    LOG_LEVEL: logLevelField,
  })
  .superRefine((config, ctx) => {
    if (!isLoopbackHost(config.CONSOLE_HOST) && config.CONSOLE_OTLP_API_KEY === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['CONSOLE_OTLP_API_KEY'],
        message: `is required when CONSOLE_HOST (${config.CONSOLE_HOST}) is not loopback: anyone who reaches the receiver could write telemetry`,
      });
    }
    if (
      (config.JUNCTION_LAUNCHER_URL === undefined) !==
      (config.JUNCTION_LAUNCHER_TOKEN === undefined)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['JUNCTION_LAUNCHER_TOKEN'],
        message: 'JUNCTION_LAUNCHER_URL and JUNCTION_LAUNCHER_TOKEN are set together',
      });
    }
  });

export type ConsoleConfig = z.output<typeof consoleConfigSchema>;
