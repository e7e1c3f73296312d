import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef } from 'preact/hooks';
import { COLORS } from '../shared/theme';
import { bendAround, separateLabels } from './edge.routing';
import { sameShape, type MapEdge, type MapNode } from './map.elements';

let dagreRegistered = false;
function registerDagre(): void {
  if (dagreRegistered) return;
  cytoscape.use(dagre);
  dagreRegistered = true;
}

const NODE_COLOR = {
  passing: COLORS.good,
  warning: COLORS.warn,
  critical: COLORS.bad,
  unknown: COLORS.idle,
};
const EDGE_COLOR = { good: COLORS.muted, warn: COLORS.warn, bad: COLORS.bad, idle: COLORS.border };

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'roundrectangle',
      width: 150,
      height: 50,
      'background-color': COLORS.panel,
      'border-width': 2,
      'border-color': (node: cytoscape.NodeSingular) =>
        NODE_COLOR[node.data('status') as keyof typeof NODE_COLOR],
      label: 'data(label)',
      color: COLORS.text,
      'font-size': 12,
      'font-family': 'ui-sans-serif, system-ui, sans-serif',
      'text-wrap': 'wrap',
      'text-valign': 'center',
      'text-halign': 'center',
    },
  },
  { selector: 'node[status = "critical"]', style: { 'background-color': '#3d1d20' } },
  { selector: 'node[status = "warning"]', style: { 'background-color': '#3a2d12' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'curve-style': 'bezier',
      'line-color': (edge: cytoscape.EdgeSingular) =>
        EDGE_COLOR[edge.data('health') as keyof typeof EDGE_COLOR],
      'target-arrow-color': (edge: cytoscape.EdgeSingular) =>
        EDGE_COLOR[edge.data('health') as keyof typeof EDGE_COLOR],
      'target-arrow-shape': 'triangle',
      label: 'data(label)',
      color: COLORS.text,
      'font-size': 10,
      'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace',
      'text-background-color': '#0d1117',
      'text-background-opacity': 0.9,
      'text-background-padding': '3px',
      'text-background-shape': 'roundrectangle',
    },
  },
  { selector: 'edge[health = "idle"]', style: { 'line-style': 'dashed', color: COLORS.muted } },
  {
    selector: 'edge.bent',
    style: {
      'curve-style': 'unbundled-bezier',
      'control-point-distances': 'data(bendDistance)',
      'control-point-weights': 'data(bendWeight)',
    },
  },
];

/** Bends every edge that would run underneath a node it does not connect. */
function routeEdges(graph: cytoscape.Core): void {
  const boxes = graph.nodes().map((node) => ({
    id: node.id(),
    x: node.position('x'),
    y: node.position('y'),
    hw: node.outerWidth() / 2,
    hh: node.outerHeight() / 2,
  }));
  graph.batch(() => {
    graph.edges().forEach((edge) => {
      const source = edge.source().position();
      const target = edge.target().position();
      const others = boxes.filter(
        (box) => box.id !== edge.source().id() && box.id !== edge.target().id(),
      );
      const bend = bendAround(source, target, others);
      if (bend) {
        edge.data({ bendDistance: bend.distance, bendWeight: bend.weight });
        edge.addClass('bent');
      } else edge.removeClass('bent');
      edge.style('text-margin-y', 0);
    });
  });
  // Then pull apart labels that ended up on top of each other (edges that run close together).
  const labels = graph.edges().map((edge) => {
    const box = edge.boundingBox({
      includeEdges: false,
      includeNodes: false,
      includeLabels: true,
      includeOverlays: false,
    });
    return { id: edge.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
  });
  const offsets = separateLabels(labels.filter((box) => Number.isFinite(box.y1)));
  graph.batch(() => {
    for (const [id, dy] of offsets)
      if (dy !== 0) graph.getElementById(id).style('text-margin-y', dy);
  });
}

const LAYOUT = {
  name: 'dagre',
  rankDir: 'LR',
  nodeSep: 90,
  rankSep: 240,
  edgeSep: 40,
  padding: 30,
  fit: true,
};

/** The service map, drawn by cytoscape with a dagre layout; labels are canvas text. */
export function ServiceMapGraph({
  nodes,
  edges,
  onSelect,
}: {
  nodes: MapNode[];
  edges: MapEdge[];
  onSelect?: (service: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  const shape = useRef<{ nodes: MapNode[]; edges: MapEdge[] }>({ nodes: [], edges: [] });
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    registerDagre();
    const graph = cytoscape({
      container: container.current,
      style: STYLE,
      minZoom: 0.3,
      maxZoom: 2.5,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    graph.on('tap', 'node', (event) => select.current?.(event.target.id() as string));
    graph.on('layoutstop dragfree', () => routeEdges(graph));
    cy.current = graph;
    const resize = new ResizeObserver(() => {
      graph.resize();
      graph.fit(undefined, 30);
    });
    if (container.current) resize.observe(container.current);
    return () => {
      resize.disconnect();
      graph.destroy();
      cy.current = null;
    };
  }, []);

  useEffect(() => {
    const graph = cy.current;
    if (!graph) return;
    const next = { nodes, edges };
    const relayout = !sameShape(shape.current, next);
    graph.batch(() => {
      const wanted = new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
      graph
        .elements()
        .filter((element) => !wanted.has(element.id()))
        .remove();
      for (const node of nodes) upsert(graph, { group: 'nodes', data: { ...node } });
      for (const edge of edges) upsert(graph, { group: 'edges', data: { ...edge } });
    });
    shape.current = next;
    if (relayout) graph.layout(LAYOUT as cytoscape.LayoutOptions).run();
  }, [nodes, edges]);

  return <div class="map-canvas" ref={container} data-testid="service-map" />;
}

function upsert(
  graph: cytoscape.Core,
  element: cytoscape.ElementDefinition & { data: { id: string } },
): void {
  const existing = graph.getElementById(element.data.id);
  if (existing.nonempty()) existing.data(element.data);
  else graph.add(element);
}
