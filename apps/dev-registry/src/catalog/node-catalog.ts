import type { NodeIdentity, RegistryDeps } from '../registry-deps';
import type { AgentState } from './agent-state';
import type { CheckDefinition, CheckRecord, ServiceRecord } from './model';

/** The version a dev registry claims in node meta and the consul service. */
export const CONSUL_VERSION = '1.21.0';

/** One instance of a service as health and catalog reads see it. */
export interface Instance {
  readonly service: ServiceRecord;
  /** Node checks first, then the instance's own, by check ID (§3.1). */
  readonly checks: readonly CheckRecord[];
}

/**
 * What the catalog holds besides the agent's services: the node itself, its
 * `serfHealth` check (always passing) and the `consul` server service, all
 * written once at start, as a dev agent's leader does.
 */
export class NodeCatalog {
  readonly nodeIndex: number;
  readonly serfHealth: CheckRecord;
  readonly consul: ServiceRecord;

  constructor(
    readonly node: NodeIdentity,
    private readonly agent: AgentState,
    { raft }: Pick<RegistryDeps, 'raft'>,
  ) {
    const built = raft.commit((index) => {
      agent.indexes.touchService('consul', index);
      agent.indexes.touchServicesTable(index);
      return {
        index,
        serfHealth: serfHealthCheck(index),
        consul: consulService(node, index),
      };
    });
    this.nodeIndex = built.index;
    this.serfHealth = built.serfHealth;
    this.consul = built.consul;
  }

  get indexes() {
    return this.agent.indexes;
  }

  /** Every instance of `name` in the catalog, ordered by service ID. */
  instancesOf(name: string): Instance[] {
    const services = [...this.agent.services.values()].filter((s) => s.Service === name);
    if (name === 'consul') services.push(this.consul);
    return services
      .sort((a, b) => (a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0))
      .map((service) => ({
        service,
        checks:
          service === this.consul
            ? [this.serfHealth]
            : [this.serfHealth, ...this.agent.checksOfService(service.ID)],
      }));
  }

  /** Every service in the catalog: the consul server service and the agent's. */
  allServices(): ServiceRecord[] {
    return [this.consul, ...this.agent.services.values()];
  }

  /** Every service name (of `services`, all by default) with the union of its instances' tags. */
  serviceTags(services: Iterable<ServiceRecord> = this.allServices()): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const service of services) {
      const tags = (out[service.Service] ??= []);
      for (const tag of service.Tags) if (!tags.includes(tag)) tags.push(tag);
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

function serfHealthCheck(index: number): CheckRecord {
  return {
    CheckID: 'serfHealth',
    Name: 'Serf Health Status',
    Notes: '',
    ServiceID: '',
    ServiceName: '',
    ServiceTags: [],
    Type: '',
    Interval: '',
    Timeout: '',
    status: 'passing',
    output: 'Agent alive and reachable',
    catalogOutput: 'Agent alive and reachable',
    createIndex: index,
    modifyIndex: index,
    definition: {} as CheckDefinition,
  };
}

function consulService(node: NodeIdentity, index: number): ServiceRecord {
  return {
    ID: 'consul',
    Service: 'consul',
    Tags: [],
    Address: '',
    Port: 8300,
    Meta: {
      non_voter: 'false',
      raft_version: '3',
      read_replica: 'false',
      serf_protocol_current: '2',
      serf_protocol_max: '5',
      serf_protocol_min: '1',
      version: CONSUL_VERSION,
    },
    TaggedAddresses: {
      lan_ipv4: { Address: node.address, Port: 8300 },
      wan_ipv4: { Address: node.address, Port: 8300 },
    },
    Weights: { Passing: 1, Warning: 1 },
    EnableTagOverride: false,
    createIndex: index,
    modifyIndex: index,
  };
}
