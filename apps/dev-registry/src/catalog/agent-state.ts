import type { RegistryDeps } from '../registry-deps';
import { CatalogIndexes } from './catalog-indexes';
import { formatGoDuration } from '../http/go-duration';
import { checkTypeName } from './check-type';
import type { CheckRecord, CheckStatus, ServiceRecord } from './model';
import { OutputDeferral } from './output-deferral';
import type { Registration } from './service-definition';

/** Told when checks come and go, so their runners start and stop. */
export interface CheckLifecycle {
  added(check: CheckRecord): void;
  removed(checkId: string): void;
}

type Deps = Pick<RegistryDeps, 'raft' | 'clock' | 'checkEvents'>;

/**
 * The agent's services and checks and their catalog copy. Consul syncs the
 * agent to the catalog before answering a write, so one structure serves
 * both; only output-only check updates lag (OutputDeferral). Every catalog
 * change is one raft commit; events go out after it so a listener that
 * writes (sessions) never nests inside a commit.
 */
export class AgentState {
  readonly services = new Map<string, ServiceRecord>();
  readonly checks = new Map<string, CheckRecord>();
  readonly indexes = new CatalogIndexes();
  lifecycle: CheckLifecycle = { added: () => undefined, removed: () => undefined };
  private readonly deferral: OutputDeferral;

  constructor(private readonly deps: Deps) {
    this.deferral = new OutputDeferral(deps.clock, (check) => this.flushOutput(check));
  }

  register({ service, checks }: Registration, replaceExistingChecks: boolean): void {
    const added: CheckRecord[] = [];
    const removed: string[] = [];
    const critical: string[] = [];
    this.deps.raft.commit((index) => {
      const prev = this.services.get(service.ID);
      const changed = !prev || JSON.stringify(serviceView(prev)) !== JSON.stringify(service);
      this.services.set(service.ID, {
        ...service,
        createIndex: prev?.createIndex ?? index,
        modifyIndex: changed ? index : prev.modifyIndex,
      });
      // Names whose per-service index this write moves.
      const touched = new Set<string>(changed ? [service.Service] : []);
      if (prev && prev.Service !== service.Service) this.afterLeaving(prev.Service, index);
      if (changed) this.indexes.touchServicesTable(index);
      const ids = new Set<string>();
      checks.forEach((def, i) => {
        let id = def.CheckID;
        if (id === '') id = `service:${service.ID}${checks.length > 1 ? `:${i + 1}` : ''}`;
        ids.add(id);
        const old = this.checks.get(id);
        if (old) this.deferral.cancel(old.CheckID);
        const record: CheckRecord = {
          CheckID: id,
          Name: def.Name || `Service '${service.Service}' check`,
          Notes: def.Notes,
          ServiceID: service.ID,
          ServiceName: service.Service,
          ServiceTags: service.Tags,
          Type: checkTypeName(def),
          Interval: def.Interval ? formatGoDuration(def.Interval) : '',
          Timeout: def.Timeout ? formatGoDuration(def.Timeout) : '',
          // Re-registration keeps the current state (a passing TTL check stays passing).
          status: old?.status ?? ((def.Status || 'critical') as CheckStatus),
          output: old?.output ?? '',
          catalogOutput: old?.output ?? '',
          createIndex: old?.createIndex ?? index,
          modifyIndex: index,
          definition: def,
        };
        if (old && JSON.stringify(checkView(old)) === JSON.stringify(checkView(record)))
          record.modifyIndex = old.modifyIndex;
        else touched.add(service.Service);
        if (old && old.ServiceName !== service.Service && this.hasInstances(old.ServiceName))
          touched.add(old.ServiceName);
        if (record.status === 'critical' && old?.status !== 'critical') critical.push(id);
        this.checks.set(id, record);
        added.push(record);
      });
      for (const check of this.checksOfService(service.ID)) {
        if (ids.has(check.CheckID)) continue;
        if (replaceExistingChecks) {
          this.checks.delete(check.CheckID);
          removed.push(check.CheckID);
          touched.add(service.Service);
        } else if (JSON.stringify(check.ServiceTags) !== JSON.stringify(service.Tags)) {
          // The catalog copies the service's tags into its checks on sync.
          check.ServiceTags = service.Tags;
          check.ServiceName = service.Service;
          check.modifyIndex = index;
          touched.add(service.Service);
        }
      }
      for (const name of touched) this.indexes.touchService(name, index);
    });
    this.announce(removed, critical);
    for (const id of removed) this.lifecycle.removed(id);
    for (const check of added) {
      this.lifecycle.removed(check.CheckID);
      this.lifecycle.added(check);
    }
  }

  /** Removes a service and all its checks; false when the ID is unknown. */
  deregister(serviceId: string): boolean {
    const service = this.services.get(serviceId);
    if (!service) return false;
    const removed = this.checksOfService(serviceId).map((c) => c.CheckID);
    this.deps.raft.commit((index) => {
      this.services.delete(serviceId);
      for (const id of removed) this.checks.delete(id);
      this.afterLeaving(service.Service, index);
      this.indexes.touchServicesTable(index);
    });
    for (const id of removed) {
      this.deferral.cancel(id);
      this.lifecycle.removed(id);
    }
    this.announce(removed, []);
    return true;
  }

  /**
   * A check result (Consul's local State.UpdateCheck): the critical-since
   * clock moves on every update, an identical update is a no-op, an
   * output-only change is deferred, a status change is written at once.
   */
  updateCheck(checkId: string, status: CheckStatus, output: string): void {
    const check = this.checks.get(checkId);
    if (!check) return;
    if (status === 'critical') check.criticalSince ??= this.deps.clock.now();
    else check.criticalSince = undefined;
    if (check.status === status && check.output === output) return;
    if (check.status === status) {
      check.output = output;
      this.deferral.arm(check);
      return;
    }
    this.deferral.cancel(checkId);
    this.deps.raft.commit((index) => {
      check.status = status;
      check.output = output;
      check.catalogOutput = output;
      check.modifyIndex = index;
      this.indexes.touchService(check.ServiceName, index);
    });
    if (status === 'critical') this.deps.checkEvents.emit('critical', checkId);
  }

  checksOfService(serviceId: string): CheckRecord[] {
    return [...this.checks.values()]
      .filter((c) => c.ServiceID === serviceId)
      .sort((a, b) => (a.CheckID < b.CheckID ? -1 : a.CheckID > b.CheckID ? 1 : 0));
  }

  close(): void {
    this.deferral.close();
  }

  private flushOutput(check: CheckRecord): void {
    if (this.checks.get(check.CheckID) !== check || check.catalogOutput === check.output) return;
    this.deps.raft.commit((index) => {
      check.catalogOutput = check.output;
      check.modifyIndex = index;
      this.indexes.touchService(check.ServiceName, index);
    });
  }

  private hasInstances(name: string): boolean {
    return [...this.services.values()].some((s) => s.Service === name);
  }

  /** An instance of `name` left: the name goes extinct with its last instance. */
  private afterLeaving(name: string, index: number): void {
    if (this.hasInstances(name)) this.indexes.touchService(name, index);
    else this.indexes.extinct(name, index);
  }

  private announce(removed: readonly string[], critical: readonly string[]): void {
    for (const id of removed) this.deps.checkEvents.emit('deregistered', id);
    for (const id of critical) this.deps.checkEvents.emit('critical', id);
  }
}

/** A record without its indexes, for "did the catalog copy change?". */
function serviceView({ createIndex: _c, modifyIndex: _m, ...rest }: ServiceRecord) {
  return rest;
}

function checkView(c: CheckRecord) {
  return [c.Name, c.Notes, c.ServiceID, c.ServiceName, c.ServiceTags, c.Type, c.Interval]
    .concat([c.Timeout, c.status, c.catalogOutput])
    .map(String);
}
