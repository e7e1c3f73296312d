import { context } from '@opentelemetry/api';
import { withCaller } from '@junction/auth';
import type { FastifyInstance } from 'fastify';
import { OPERATIONAL_PATHS } from '../shedding/operational-routes';
import { sendAuthRefusal } from './auth.response';
import type { EdgeAuthentication } from './edge-authentication';
import type { AccessRouteConfig } from './route-access.decorator';

/** The API's routes: everything else (health, metrics, the OpenAPI docs) is the gateway's own. */
const API_PREFIX = '/api/';

/**
 * Authenticates in a preHandler hook, before Nest's guards, so the rate
 * limit that follows counts the verified identity, not a header anyone can
 * invent. An API route without a declared policy needs a credential:
 * forgetting `@PublicRoute()` fails closed. The verified caller goes into
 * the request's context (callback style, like the deadline hook, so the
 * handler runs inside it), where every upstream call picks up its token.
 */
export function registerAuthentication(app: FastifyInstance, edge: EdgeAuthentication): void {
  app.addHook('preHandler', (request, reply, done) => {
    const path = request.routeOptions.url ?? '';
    const declared = (request.routeOptions.config as AccessRouteConfig | undefined)?.access;
    if (declared === undefined && (OPERATIONAL_PATHS.has(path) || !path.startsWith(API_PREFIX))) {
      done();
      return;
    }
    edge.decide(request, declared).then(
      (outcome) => {
        if (!outcome.ok) {
          sendAuthRefusal(reply, outcome.refusal);
          return;
        }
        if (!outcome.caller) {
          done();
          return;
        }
        edge.remember(request, outcome.caller.identity);
        context.with(withCaller(context.active(), outcome.caller), done);
      },
      (error: unknown) => done(error as Error),
    );
  });
}
