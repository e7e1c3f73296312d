import { badRequest, notFound } from '../http/http-error';
import { EMPTY, json } from '../http/reply';
import type { Router } from '../http/router';
import type { RegistryDeps } from '../registry-deps';
import type { AgentState } from './agent-state';
import type { CheckSupervisor } from './checks/check-supervisor';
import type { CheckStatus } from './model';
import { parseFilter } from './read-params';
import { decodeBody, parseRegistration } from './service-definition';
import { CHECK_UPDATE_SCHEMA } from './service-definition.schema';
import { agentServiceView, healthCheckView } from './views';

/** Go's %q for the IDs in Consul's texts. */
const quote = (id: string) => JSON.stringify(id);

const unknownCheck = (id: string) =>
  notFound(
    `Unknown check ID ${quote(id)}. Ensure that the check ID is passed, not the check name.`,
  );

/** The agent's service and check endpoints (§2). */
export function mountAgent(
  router: Router,
  deps: RegistryDeps,
  state: AgentState,
  supervisor: CheckSupervisor,
): void {
  router.handle('/v1/agent/service/register', ['PUT'], async ({ query, body }) => {
    const registration = parseRegistration(await body());
    // Only a bare flag or the literal "true" turns it on, as in Consul.
    const replace = query.has('replace-existing-checks')
      ? ['', 'true'].includes(query.get('replace-existing-checks') ?? '')
      : false;
    state.register(registration, replace);
    return EMPTY;
  });

  router.handle('/v1/agent/service/deregister/', ['PUT'], ({ param }) => {
    if (!state.deregister(param)) {
      throw notFound(
        `Unknown service ID ${quote(param)}. Ensure that the service ID is passed, not the service name.`,
      );
    }
    return EMPTY;
  });

  const ttlUpdate = (checkId: string, status: CheckStatus, output: string) => {
    if (!state.checks.has(checkId)) throw unknownCheck(checkId);
    const ttl = supervisor.ttl(checkId);
    // A 500: Consul's updateTTLCheck fails with a plain error.
    if (!ttl) throw new Error(`CheckID ${quote(checkId)} does not have associated TTL`);
    ttl.setStatus(status, output);
    return EMPTY;
  };
  for (const [verb, status] of [
    ['pass', 'passing'],
    ['warn', 'warning'],
    ['fail', 'critical'],
  ] as const) {
    router.handle(`/v1/agent/check/${verb}/`, ['PUT'], ({ param, query }) =>
      ttlUpdate(param, status, query.get('note') ?? ''),
    );
  }
  router.handle('/v1/agent/check/update/', ['PUT'], async ({ param, body }) => {
    const update = decodeBody(await body(), CHECK_UPDATE_SCHEMA);
    const status = (update.Status as string | undefined) ?? '';
    if (!['passing', 'warning', 'critical'].includes(status))
      throw badRequest(`Invalid check status: '${status}'`);
    return ttlUpdate(param, status as CheckStatus, (update.Output as string | undefined) ?? '');
  });

  router.handle('/v1/agent/services', ['GET'], ({ query }) => {
    // Consul filters the AgentService values, keyed by ID; a bad filter is a 500.
    const filter = parseFilter(query);
    const entries = [...state.services.values()]
      .sort((a, b) => (a.ID < b.ID ? -1 : 1))
      .map((s) => [s.ID, agentServiceView(s, deps.node.datacenter)] as const)
      .filter(([, view]) => !filter || filter.matches(view));
    return json(Object.fromEntries(entries));
  });

  router.handle('/v1/agent/checks', ['GET'], ({ query }) => {
    const filter = parseFilter(query);
    const entries = [...state.checks.values()]
      .sort((a, b) => (a.CheckID < b.CheckID ? -1 : 1))
      .map((c) => [c.CheckID, healthCheckView(c, deps.node.name, true)] as const)
      .filter(([, view]) => !filter || filter.matches(view));
    return json(Object.fromEntries(entries));
  });
}
