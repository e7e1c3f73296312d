import type { FastifyInstance } from 'fastify';
import type { LoadShedder, ShedReason } from './load-shedder';
import { OPERATIONAL_PATHS } from './operational-routes';
import { sendShed } from './shed.response';

export interface LoadSheddingEdge {
  readonly shedder: LoadShedder;
  /** Counts a refusal (metrics); called once per shed request. */
  onShed(reason: ShedReason): void;
}

/**
 * Sheds load in an onRequest hook: before body parsing and before any Nest
 * work, so a refusal costs next to nothing. Register it after the tracing
 * hooks, so a shed answer still carries X-Trace-Id and gets a span.
 *
 * An admitted request counts in flight until its response closes: sent, or
 * its connection lost. Node emits 'close' exactly once either way, so the
 * count cannot leak.
 */
export function registerLoadShedding(app: FastifyInstance, edge: LoadSheddingEdge): void {
  const { shedder } = edge;
  const release = () => shedder.release();
  app.addHook('onRequest', (request, reply, done) => {
    if (OPERATIONAL_PATHS.has(request.routeOptions.url ?? '')) {
      done();
      return;
    }
    const reason = shedder.admit();
    if (reason === undefined) {
      reply.raw.once('close', release);
      done();
      return;
    }
    edge.onShed(reason);
    sendShed(reply, shedder.retryAfterS);
  });
}
