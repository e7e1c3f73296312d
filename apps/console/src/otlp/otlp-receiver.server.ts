import type { Logger } from '@junction/telemetry';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemView, toProblemView } from '../http/problem';
import type { HostAllowList } from '../security/host-allow-list';
import { secretMatches } from '../security/secret-compare';
import { inflate, encodingOf } from './otlp-body';
import { decodeExport, type OtlpSignal } from './otlp-decode';
import type { OtlpIngest } from './otlp-ingest';
import { emptyExportResponse } from './otlp-protobuf.decoder';

export interface OtlpReceiverOptions {
  readonly ingest: OtlpIngest;
  readonly maxBytes: number;
  /** When set, every request must carry it in `x-otlp-api-key`. */
  readonly apiKey: string | undefined;
  readonly hosts: HostAllowList;
  /** The port it listens on (known once bound), for the Host check. */
  readonly port: () => number;
  readonly logger: Logger;
}

export const OTLP_API_KEY_HEADER = 'x-otlp-api-key';

/**
 * The OTLP/HTTP receiver (`POST /v1/traces`, `POST /v1/logs`), a bare
 * Fastify instance on its own port: exporters post often and need nothing
 * of the API's framework. Bad input is answered and forgotten; the next
 * request is served as if it never came.
 */
export function otlpReceiver(options: OtlpReceiverOptions): FastifyInstance {
  const app = Fastify({ bodyLimit: options.maxBytes, return503OnClosing: true });
  // Bodies arrive raw whatever their type; the handler decides 415 or how to decode.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    if (!options.hosts.allows(request.headers.host, options.port())) {
      return problem(
        reply,
        new ProblemError(403, `Host ${request.headers.host ?? '(none)'} refused`),
      );
    }
    if (options.apiKey !== undefined) {
      const presented = request.headers[OTLP_API_KEY_HEADER];
      if (!secretMatches(typeof presented === 'string' ? presented : undefined, options.apiKey)) {
        return problem(reply, new ProblemError(401, `missing or wrong ${OTLP_API_KEY_HEADER}`));
      }
    }
    return undefined;
  });

  const handler = (signal: OtlpSignal) => async (request: FastifyRequest, reply: FastifyReply) => {
    const encoding = encodingOf(request.headers['content-type']);
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const body = await inflate(raw, request.headers['content-encoding'], options.maxBytes);
    if (signal === 'traces') options.ingest.traces(decodeExport('traces', encoding, body));
    else options.ingest.logRecords(decodeExport('logs', encoding, body));
    return encoding === 'json'
      ? reply.header('content-type', 'application/json').send('{}')
      : reply.header('content-type', 'application/x-protobuf').send(emptyExportResponse());
  };
  app.post('/v1/traces', handler('traces'));
  app.post('/v1/logs', handler('logs'));

  app.setNotFoundHandler((request, reply) =>
    problem(
      reply,
      new ProblemError(
        404,
        `no ${request.method} ${request.url.split('?', 1)[0]} here: POST /v1/traces or /v1/logs`,
      ),
    ),
  );
  app.setErrorHandler((error, _request, reply) => {
    const view = toProblemView(error);
    if (view.status >= 500) options.logger.error({ err: error }, 'OTLP request failed');
    return reply.status(view.status).header('content-type', PROBLEM_CONTENT_TYPE).send(view);
  });
  return app;
}

const problem = (reply: FastifyReply, error: ProblemError): FastifyReply =>
  reply
    .status(error.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problemView(error.status, error.detail, error.errors));
