import type { NodeIdentity } from '../registry-deps';
import type { CheckRecord, ServiceRecord } from './model';
import { CONSUL_VERSION } from './node-catalog';

/** JSON shapes as Consul's Go structs marshal them (PascalCase, its omitempty rules). */

const emptyProxy = () => ({ Mode: '', MeshGateway: {}, Expose: {} });

const nonEmpty = <T extends object>(value: T): T | undefined =>
  Object.keys(value).length > 0 ? value : undefined;

/** GET /v1/agent/services entry (api.AgentService); no raft indexes locally. */
export function agentServiceView(s: ServiceRecord, datacenter: string) {
  return {
    ID: s.ID,
    Service: s.Service,
    Tags: s.Tags,
    Meta: s.Meta ?? {},
    Port: s.Port,
    Address: s.Address,
    TaggedAddresses: nonEmpty(s.TaggedAddresses),
    Weights: s.Weights,
    EnableTagOverride: s.EnableTagOverride,
    Datacenter: datacenter,
  };
}

/**
 * structs.HealthCheck. `local` is the agent's view (current output, no raft
 * indexes); otherwise the catalog's (possibly deferred output, indexes).
 */
export function healthCheckView(c: CheckRecord, nodeName: string, local: boolean) {
  return {
    Node: nodeName,
    CheckID: c.CheckID,
    Name: c.Name,
    Status: c.status,
    Notes: c.Notes,
    Output: local ? c.output : c.catalogOutput,
    ServiceID: c.ServiceID,
    ServiceName: c.ServiceName,
    ServiceTags: c.ServiceTags,
    Type: c.Type,
    Interval: c.Interval,
    Timeout: c.Timeout,
    ExposedPort: 0,
    Definition: {},
    CreateIndex: local ? 0 : c.createIndex,
    ModifyIndex: local ? 0 : c.modifyIndex,
  };
}

export const nodeTaggedAddresses = (node: NodeIdentity) => ({
  lan: node.address,
  lan_ipv4: node.address,
  wan: node.address,
  wan_ipv4: node.address,
});

export const nodeMeta = () => ({
  'consul-network-segment': '',
  'consul-version': CONSUL_VERSION,
});

/** structs.Node in health results. */
export function nodeView(node: NodeIdentity, index: number) {
  return {
    ID: node.id,
    Node: node.name,
    Address: node.address,
    Datacenter: node.datacenter,
    TaggedAddresses: nodeTaggedAddresses(node),
    Meta: nodeMeta(),
    CreateIndex: index,
    ModifyIndex: index,
  };
}

/** structs.NodeService in health results: Meta may be null, Port omitted when 0. */
export function nodeServiceView(s: ServiceRecord) {
  return {
    ID: s.ID,
    Service: s.Service,
    Tags: s.Tags,
    Address: s.Address,
    TaggedAddresses: nonEmpty(s.TaggedAddresses),
    Meta: s.Meta,
    Port: s.Port === 0 ? undefined : s.Port,
    Weights: s.Weights,
    EnableTagOverride: s.EnableTagOverride,
    Proxy: emptyProxy(),
    Connect: {},
    CreateIndex: s.createIndex,
    ModifyIndex: s.modifyIndex,
  };
}

/** structs.ServiceNode (GET /v1/catalog/service/:name). */
export function serviceNodeView(node: NodeIdentity, s: ServiceRecord) {
  return {
    ID: node.id,
    Node: node.name,
    Address: node.address,
    Datacenter: node.datacenter,
    TaggedAddresses: nodeTaggedAddresses(node),
    NodeMeta: nodeMeta(),
    ServiceKind: '',
    ServiceID: s.ID,
    ServiceName: s.Service,
    ServiceTags: s.Tags,
    ServiceAddress: s.Address,
    ServiceTaggedAddresses: nonEmpty(s.TaggedAddresses),
    ServiceWeights: s.Weights,
    ServiceMeta: s.Meta ?? {},
    ServicePort: s.Port,
    ServiceSocketPath: '',
    ServiceEnableTagOverride: s.EnableTagOverride,
    ServiceProxy: emptyProxy(),
    ServiceConnect: {},
    CreateIndex: s.createIndex,
    ModifyIndex: s.modifyIndex,
  };
}
