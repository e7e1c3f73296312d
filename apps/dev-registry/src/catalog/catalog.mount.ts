import type { Router } from '../http/router';
import type { Mounted, RegistryDeps } from '../registry-deps';
import { mountAgent } from './agent.endpoints';
import { AgentState } from './agent-state';
import { mountCatalogReads } from './catalog.endpoints';
import { CheckSupervisor } from './checks/check-supervisor';
import { mountHealth } from './health.endpoints';
import { NodeCatalog } from './node-catalog';
import { startReaper } from './reaper';

/** Agent services and checks, health and catalog reads, and the check runners. */
export function mountCatalog(router: Router, deps: RegistryDeps): Mounted {
  const state = new AgentState(deps);
  const supervisor = new CheckSupervisor(state, deps.clock);
  state.lifecycle = supervisor;
  const catalog = new NodeCatalog(deps.node, state, deps);
  const reaper = startReaper(state, deps.clock);
  mountAgent(router, deps, state, supervisor);
  mountHealth(router, deps, catalog);
  mountCatalogReads(router, deps, catalog);
  return {
    close: () => {
      reaper.stop();
      supervisor.close();
      state.close();
    },
  };
}
