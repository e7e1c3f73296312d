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
 * forgetting `@PublicRoute()` fails closed.
 */
export function registerAuthentication(app: FastifyInstance, edge: EdgeAuthentication): void {
  app.addHook('preHandler', async (request, reply) => {
    const path = request.routeOptions.url ?? '';
    const declared = (request.routeOptions.config as AccessRouteConfig | undefined)?.access;
    if (declared === undefined && (OPERATIONAL_PATHS.has(path) || !path.startsWith(API_PREFIX))) {
      return;
    }
    const outcome = await edge.decide(request, declared);
    if (!outcome.ok) {
      sendAuthRefusal(reply, outcome.refusal);
      return reply;
    }
    if (outcome.identity) edge.remember(request, outcome.identity);
    return undefined;
  });
}
