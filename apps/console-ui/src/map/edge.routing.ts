// Dagre places nodes only; cytoscape then draws each edge straight from
// source to target, so an edge that skips a rank can run underneath a node
// of the rank between. This bends such an edge around the nodes it crosses.

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A node's box: centre and half-width/half-height. */
export interface Box extends Point {
  readonly hw: number;
  readonly hh: number;
}

export interface Bend {
  /** Along the edge, 0 at the source and 1 at the target. */
  readonly weight: number;
  /** Perpendicular offset of the curve's control point (cytoscape's control-point-distances). */
  readonly distance: number;
}

/**
 * The bend that keeps the segment source → target `margin` px clear of
 * every obstacle it would cross, or undefined when it crosses none. The
 * curve goes round the side the obstacles leave room on (the side away from
 * the worst one), far enough for the deepest of them.
 */
export function bendAround(
  source: Point,
  target: Point,
  obstacles: readonly Box[],
  margin = 14,
): Bend | undefined {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return undefined;
  const ux = dx / length;
  const uy = dy / length;
  // Cytoscape measures control-point distances along this normal.
  const nx = -uy;
  const ny = ux;

  const hits: { along: number; offset: number; reach: number }[] = [];
  for (const box of obstacles) {
    const rx = box.x - source.x;
    const ry = box.y - source.y;
    const along = (rx * ux + ry * uy) / length;
    if (along <= 0 || along >= 1) continue;
    const offset = rx * nx + ry * ny;
    const reach = Math.abs(nx) * box.hw + Math.abs(ny) * box.hh + margin;
    if (Math.abs(offset) < reach) hits.push({ along, offset, reach });
  }
  if (hits.length === 0) return undefined;

  // The obstacle nearest the line decides the side: go round where it is not.
  const worst = hits.reduce((a, b) =>
    b.reach - Math.abs(b.offset) > a.reach - Math.abs(a.offset) ? b : a,
  );
  const side = worst.offset >= 0 ? -1 : 1;
  // How far the curve must pass from the line at each obstacle on that side.
  const needed = Math.max(...hits.map((hit) => hit.reach + side * hit.offset));
  // A quadratic curve reaches half its control point's distance at its middle.
  return { weight: worst.along, distance: side * needed * 2 };
}

/** An edge label's box on the canvas. */
export interface LabelBox {
  readonly id: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * Vertical offsets that pull overlapping edge labels apart (`gap` px
 * between them), each pair moved half the overlap each way; labels that
 * overlap nothing stay put.
 */
export function separateLabels(
  labels: readonly LabelBox[],
  gap = 4,
  passes = 12,
): Map<string, number> {
  const boxes = labels.map((label) => ({ ...label, dy: 0 }));
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    boxes.sort((a, b) => a.y1 + a.dy - (b.y1 + b.dy));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.x2 <= b.x1 || b.x2 <= a.x1) continue;
        const overlap = a.y2 + a.dy + gap - (b.y1 + b.dy);
        if (overlap <= 0) continue;
        a.dy -= overlap / 2;
        b.dy += overlap / 2;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return new Map(boxes.map((box) => [box.id, box.dy]));
}
