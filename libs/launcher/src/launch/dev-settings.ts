import { z } from 'zod';
import type { Env } from '../apps/app-env';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const consulAddressField = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    try {
      const url = new URL(/^https?:\/\//.test(value) ? value : `http://${value}`);
      return url;
    } catch {
      ctx.addIssue({ code: 'custom', message: `not an address: "${value}"` });
      return z.NEVER;
    }
  });

const portField = z.coerce.number().int().min(1).max(65_535);

/** What `npm start` reads from the environment beyond the apps' own settings. */
const devSettingsSchema = z.object({
  /** A Consul that answers here is used; otherwise the dev registry starts on its port. */
  CONSUL_HTTP_ADDR: consulAddressField.optional(),
  REGISTRY_PORT: portField.optional(),
  /** Restart a process that exits unexpectedly, with backoff. */
  JUNCTION_AUTO_RESTART: z.enum(['true', 'false']).default('false'),
  CONSOLE_HOST: z.string().min(1).default('127.0.0.1'),
  /** The console UI's token; a fresh one each start when unset. */
  CONSOLE_TOKEN: z.string().min(16).optional(),
  /** Key the console's OTLP receiver requires; generated when the console is not on loopback. */
  CONSOLE_OTLP_API_KEY: z.string().min(16).optional(),
});

export interface DevSettings {
  /** Origin of the Consul HTTP API every app is told about. */
  readonly consulAddress: string;
  /** The port the dev registry takes when no Consul answers there. */
  readonly registryPort: number;
  readonly autoRestart: boolean;
  readonly consoleHost: string;
  readonly consoleToken?: string;
  readonly otlpApiKey?: string;
  /** True when the console listens beyond loopback (its OTLP receiver then needs a key). */
  readonly consoleExposed: boolean;
}

export class DevSettingsError extends Error {}

export function readDevSettings(env: Env): DevSettings {
  const parsed = devSettingsSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) throw new DevSettingsError(z.prettifyError(parsed.error));
  const s = parsed.data;
  const registryPort = Number(s.CONSUL_HTTP_ADDR?.port || s.REGISTRY_PORT || 8500);
  return {
    consulAddress: s.CONSUL_HTTP_ADDR?.origin ?? `http://127.0.0.1:${registryPort}`,
    registryPort,
    autoRestart: s.JUNCTION_AUTO_RESTART === 'true',
    consoleHost: s.CONSOLE_HOST,
    ...(s.CONSOLE_TOKEN ? { consoleToken: s.CONSOLE_TOKEN } : {}),
    ...(s.CONSOLE_OTLP_API_KEY ? { otlpApiKey: s.CONSOLE_OTLP_API_KEY } : {}),
    consoleExposed: !LOOPBACK.has(s.CONSOLE_HOST),
  };
}
