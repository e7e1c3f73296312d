import type { ServiceMapView } from '@junction/console-api';
import { mapElements, sameShape } from './map.elements';

const view: ServiceMapView = {
  windowSeconds: 60,
  nodes: [
    { name: 'gateway', instances: 1, status: 'passing' },
    { name: 'reviews', instances: 2, status: 'critical' },
  ],
  edges: [
    { from: 'gateway', to: 'reviews', rate: 12.5, errorRatio: 0.08, p99Ms: 45.2 },
    { from: 'orders', to: 'inventory', rate: 0, errorRatio: 0, p99Ms: 0 },
  ],
};

describe('mapElements', () => {
  it('labels nodes with their instance count and keeps their health', () => {
    const { nodes } = mapElements(view);
    expect(nodes.find((n) => n.id === 'reviews')).toMatchObject({
      label: 'reviews\n2 instances',
      status: 'critical',
    });
    expect(nodes.find((n) => n.id === 'gateway')!.label).toBe('gateway\n1 instance');
  });

  it('adds services seen only in spans as unknown', () => {
    const { nodes } = mapElements(view);
    expect(nodes.filter((n) => n.status === 'unknown').map((n) => n.id)).toEqual([
      'orders',
      'inventory',
    ]);
  });

  it('labels edges with rate, error ratio and p99, coloured by error ratio', () => {
    const { edges } = mapElements(view);
    expect(edges[0]).toMatchObject({
      source: 'gateway',
      target: 'reviews',
      label: '12.5/s · 8% err · p99 45.2 ms',
      health: 'bad',
    });
    expect(edges[1]!.health).toBe('idle');
  });
});

describe('sameShape', () => {
  it('ignores label changes but not a new edge', () => {
    const a = mapElements(view);
    const relabelled = mapElements({ ...view, edges: view.edges.map((e) => ({ ...e, rate: 99 })) });
    expect(sameShape(a, relabelled)).toBe(true);
    const grown = mapElements({
      ...view,
      edges: [...view.edges, { from: 'gateway', to: 'catalog', rate: 1, errorRatio: 0, p99Ms: 3 }],
    });
    expect(sameShape(a, grown)).toBe(false);
  });
});
