import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as received over OTLP/HTTP JSON, reduced to what tests check. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  /** The span's string-valued attributes. */
  readonly attributes: Readonly<Record<string, string>>;
}

interface OtlpAttribute {
  key: string;
  value?: { stringValue?: string; intValue?: number };
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      spans?: (Omit<ReceivedSpan, 'service' | 'attributes'> & { attributes?: OtlpAttribute[] })[];
    }[];
  }[];
}

export interface OtlpReceiver {
  /** Base URL to give processes as OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly url: string;
  readonly spans: readonly ReceivedSpan[];
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

function collect(payload: OtlpExport, into: ReceivedSpan[]): void {
  for (const resourceSpans of payload.resourceSpans ?? []) {
    const service =
      resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value
        ?.stringValue ?? '';
    for (const scope of resourceSpans.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        const { traceId, spanId, parentSpanId = '', name, kind } = span;
        const attributes = Object.fromEntries(
          (span.attributes ?? []).flatMap((a) =>
            a.value?.stringValue === undefined ? [] : [[a.key, a.value.stringValue]],
          ),
        );
        into.push({ service, traceId, spanId, parentSpanId, name, kind, attributes });
      }
    }
  }
}

/**
 * A stand-in OpenTelemetry collector for tests: accepts OTLP/HTTP JSON on
 * POST /v1/traces and serves what it got on GET /spans?traceId=…, so test
 * workers in other processes can read it.
 */
export async function startOtlpReceiver(port = 0, host = '127.0.0.1'): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (req.method === 'POST' && url.pathname === '/v1/traces') {
      readBody(req)
        .then((body) => {
          collect(JSON.parse(body) as OtlpExport, spans);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        })
        .catch(() => res.writeHead(400).end());
      return;
    }
    if (req.method === 'GET' && url.pathname === '/spans') {
      const traceId = url.searchParams.get('traceId');
      const found = traceId ? spans.filter((s) => s.traceId === traceId) : spans;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
