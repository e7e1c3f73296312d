import { blockingQuery, type BlockingDeps } from '../http/blocking-query';
import { badRequest, notFound } from '../http/http-error';
import { json, queryMeta, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import { refuseForeignDatacenter } from '../http/read-options';
import { checkReadOptions } from './go-params';
import { sessionJson, type Session } from './session';
import { decodeSessionRequest, validateSession } from './session.schema';
import type { SessionStore } from './session-store';

export interface SessionEndpointDeps extends BlockingDeps {
  readonly sessions: SessionStore;
  readonly nodeName: string;
  readonly datacenter: string;
}

/** /v1/session/* (agent/session_endpoint.go). */
export function mountSessionEndpoints(router: Router, deps: SessionEndpointDeps): void {
  const { sessions } = deps;

  router.handle('/v1/session/create', ['PUT'], async (context) => {
    refuseForeignDatacenter(context.query, deps.datacenter);
    const request = decodeSessionRequest(await context.body(), deps.nodeName);
    validateSession(request);
    return json({ ID: sessions.create(request).id });
  });

  router.handle('/v1/session/destroy/', ['PUT'], (context) => {
    refuseForeignDatacenter(context.query, deps.datacenter);
    sessions.destroy(requireParam(context, 'Missing session'));
    return json(true);
  });

  router.handle('/v1/session/renew/', ['PUT'], (context) => {
    checkReadOptions(context.query, deps.datacenter);
    const id = requireParam(context, 'Missing session');
    const session = sessions.renew(id);
    if (!session) throw notFound(`Session id '${id}' not found`);
    return json([sessionJson(session)]);
  });

  router.handle('/v1/session/info/', ['GET'], (context) => {
    const id = requireParam(context, 'Missing session');
    return read(context, deps, () => {
      const session = sessions.get(id);
      return session ? [session] : [];
    });
  });

  router.handle('/v1/session/list', ['GET'], (context) =>
    read(context, deps, () => sessions.list()),
  );

  router.handle('/v1/session/node/', ['GET'], (context) => {
    const node = requireParam(context, 'Missing node name');
    return read(context, deps, () => sessions.forNode(node));
  });
}

function requireParam(context: RequestContext, missing: string): string {
  if (context.param === '') throw badRequest(missing);
  return context.param;
}

/** A blocking-capable session read; its index is the session table's. */
async function read(
  context: RequestContext,
  deps: SessionEndpointDeps,
  select: () => Session[],
): Promise<Reply> {
  checkReadOptions(context.query, deps.datacenter);
  const result = await blockingQuery(
    context.query,
    context.signal,
    () => ({ value: select(), index: deps.sessions.index }),
    deps,
  );
  return json(result.value.map(sessionJson), queryMeta(result.index));
}
