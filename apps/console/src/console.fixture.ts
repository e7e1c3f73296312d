// A console started in-process on free ports, and raw HTTP requests to it
// (node:http, so tests can send any Host and Origin, as an attacker would).
import { loadConfig } from '@junction/config';
import { createLogger } from '@junction/telemetry';
import { request as httpRequest } from 'node:http';
import { startConsole, type RunningConsole } from './console.app';
import { consoleConfigSchema } from './config/console.config';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export function startTestConsole(env: Record<string, string> = {}): Promise<RunningConsole> {
  const config = loadConfig(consoleConfigSchema, {
    CONSOLE_PORT: '0',
    CONSOLE_OTLP_PORT: '0',
    CONSOLE_TOKEN: TEST_TOKEN,
    // No registry unless a test gives one: reads report it, nothing waits on it.
    CONSUL_HTTP_ADDR: 'http://127.0.0.1:1',
    CONSOLE_REFRESH_MS: '200',
    CONSOLE_UI_DIR: '/nonexistent-console-ui',
    ...env,
  });
  return startConsole(config, createLogger({ name: 'console', level: 'silent' }));
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json<T = unknown>(): T;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/** One request to `baseUrl`; Host defaults to the URL's, JSON bodies are encoded. */
export function send(
  baseUrl: string,
  { method = 'GET', path, headers = {}, body }: RawRequest,
): Promise<RawAnswer> {
  const url = new URL(path, baseUrl);
  const payload =
    body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        method,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: {
          host: url.host,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
