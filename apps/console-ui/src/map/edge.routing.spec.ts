import { bendAround, separateLabels, type Box } from './edge.routing';

const box = (x: number, y: number): Box => ({ x, y, hw: 75, hh: 25 });

describe('bendAround', () => {
  it('leaves an edge that crosses nothing straight', () => {
    expect(bendAround({ x: 0, y: 0 }, { x: 400, y: 0 }, [box(200, 200)])).toBeUndefined();
  });

  it('ignores nodes beyond the ends of the edge', () => {
    expect(
      bendAround({ x: 0, y: 0 }, { x: 400, y: 0 }, [box(600, 0), box(-200, 0)]),
    ).toBeUndefined();
  });

  it('bends round a node sitting on the line, to the side it leaves free', () => {
    // The node is slightly below the line (positive y), so the edge goes above.
    const bend = bendAround({ x: 0, y: 0 }, { x: 400, y: 0 }, [box(200, 10)], 14)!;
    expect(bend.weight).toBeCloseTo(0.5);
    // The normal of a rightward edge points down (+y): above is negative.
    expect(bend.distance).toBeLessThan(0);
    // The curve's middle (half the control distance) clears the node's top edge by the margin.
    expect(Math.abs(bend.distance) / 2).toBeCloseTo(25 - 10 + 14);
  });

  it('clears the deepest of several nodes on the chosen side', () => {
    const bend = bendAround({ x: 0, y: 0 }, { x: 600, y: 0 }, [box(200, -5), box(400, 20)], 10)!;
    expect(bend.distance).toBeGreaterThan(0);
    expect(bend.distance / 2).toBeCloseTo(25 + 20 + 10);
  });
});

describe('separateLabels', () => {
  const label = (id: string, x: number, y: number) => ({
    id,
    x1: x,
    y1: y,
    x2: x + 100,
    y2: y + 16,
  });

  it('leaves labels that do not overlap where they are', () => {
    const offsets = separateLabels([label('a', 0, 0), label('b', 0, 40), label('c', 200, 5)]);
    expect([...offsets.values()]).toEqual([0, 0, 0]);
  });

  it('pushes two overlapping labels apart, half each way', () => {
    const offsets = separateLabels([label('a', 0, 0), label('b', 50, 6)], 4);
    // Overlap: a ends at 16 + gap 4 = 20, b starts at 6 → 14.
    expect(offsets.get('a')).toBeCloseTo(-7);
    expect(offsets.get('b')).toBeCloseTo(7);
  });

  it('untangles a stack of three', () => {
    const boxes = [label('a', 0, 0), label('b', 10, 2), label('c', 20, 4)];
    const offsets = separateLabels(boxes, 4);
    const ys = boxes.map((b) => b.y1 + offsets.get(b.id)!).sort((x, y) => x - y);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(19.9);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(19.9);
  });
});
