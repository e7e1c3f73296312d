import type { CheckStatus, ServiceMapView } from '@junction/console-api';
import { formatDuration, formatRate, formatRatio } from '../shared/display.format';

export type NodeStatus = CheckStatus | 'unknown';

export interface MapNode {
  readonly id: string;
  readonly label: string;
  readonly status: NodeStatus;
  readonly instances: number;
}

export interface MapEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  /** good / warn / bad by error ratio, for the edge colour. */
  readonly health: 'good' | 'warn' | 'bad' | 'idle';
  /** Line width in px, growing with the call rate. */
  readonly width: number;
}

/** Error ratios above these colour an edge amber and red. */
export const WARN_ERROR_RATIO = 0.01;
export const BAD_ERROR_RATIO = 0.05;

/**
 * The graph to draw: one node per service (a service seen only in spans
 * shows as unknown), one edge per caller → callee with its RED label.
 */
export function mapElements(view: ServiceMapView): { nodes: MapNode[]; edges: MapEdge[] } {
  const nodes = new Map<string, MapNode>();
  for (const node of view.nodes) {
    nodes.set(node.name, {
      id: node.name,
      label: `${node.name}\n${node.instances} ${node.instances === 1 ? 'instance' : 'instances'}`,
      status: node.status,
      instances: node.instances,
    });
  }
  const edges: MapEdge[] = [];
  for (const edge of view.edges) {
    for (const name of [edge.from, edge.to]) {
      if (!nodes.has(name))
        nodes.set(name, {
          id: name,
          label: `${name}\nnot registered`,
          status: 'unknown',
          instances: 0,
        });
    }
    edges.push({
      id: `${edge.from}→${edge.to}`,
      source: edge.from,
      target: edge.to,
      label: `${formatRate(edge.rate)} · ${formatRatio(edge.errorRatio)} err · p99 ${formatDuration(edge.p99Ms)}`,
      health:
        edge.rate === 0
          ? 'idle'
          : edge.errorRatio >= BAD_ERROR_RATIO
            ? 'bad'
            : edge.errorRatio >= WARN_ERROR_RATIO
              ? 'warn'
              : 'good',
      width: Math.min(6, 1.5 + Math.log10(1 + edge.rate)),
    });
  }
  return { nodes: [...nodes.values()], edges };
}

/** Whether two graphs have the same nodes and edges (then only labels change, no new layout). */
export function sameShape(
  a: { nodes: MapNode[]; edges: MapEdge[] },
  b: { nodes: MapNode[]; edges: MapEdge[] },
): boolean {
  const ids = (g: { nodes: MapNode[]; edges: MapEdge[] }) =>
    [...g.nodes.map((n) => n.id), ...g.edges.map((e) => e.id)].sort().join('\n');
  return ids(a) === ids(b);
}
