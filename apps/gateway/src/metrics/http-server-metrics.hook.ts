import type { Histogram } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import { UNMATCHED_ROUTE, type HttpServerLabel } from '@junction/metrics';

/**
 * Per-route RED of every answer, whoever gave it (a handler, the rate
 * limiter, the shedder, a 404): timed by Fastify from the request's arrival
 * to the response's end. Labelled with the route template
 * (`/api/v1/products/:id`), `unmatched` when no route matched: never a raw
 * path, so the label stays bounded whatever clients send.
 */
export function registerHttpServerMetrics(
  app: FastifyInstance,
  duration: Histogram<HttpServerLabel>,
): void {
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      {
        http_request_method: request.method,
        http_route: request.routeOptions.url ?? UNMATCHED_ROUTE,
        http_response_status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
