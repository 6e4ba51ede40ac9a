import { describe, expect, it } from 'vitest';
import { nestedTreemap, squarify, type LayoutNode, type Rect } from './treemap-layout.js';

const area = (rect: Rect) => rect.width * rect.height;
const ratio = (rect: Rect) => Math.max(rect.width / rect.height, rect.height / rect.width);

/** No two rectangles share area (touching edges is fine). */
function overlaps(rects: readonly Rect[]): boolean {
  const epsilon = 1e-6;
  return rects.some((a, i) =>
    rects.some(
      (b, j) =>
        j > i &&
        a.x + epsilon < b.x + b.width &&
        b.x + epsilon < a.x + a.width &&
        a.y + epsilon < b.y + b.height &&
        b.y + epsilon < a.y + a.height,
    ),
  );
}

function inside(rect: Rect, outer: Rect): boolean {
  const epsilon = 1e-6;
  return (
    rect.x >= outer.x - epsilon &&
    rect.y >= outer.y - epsilon &&
    rect.x + rect.width <= outer.x + outer.width + epsilon &&
    rect.y + rect.height <= outer.y + outer.height + epsilon
  );
}

describe('squarify', () => {
  it('lays out the example from the paper with the same rows', () => {
    // Bruls et al.: values 6 6 4 3 2 2 1 in a 6 × 4 rectangle.
    const values = [6, 6, 4, 3, 2, 2, 1];
    const rect = { x: 0, y: 0, width: 6, height: 4 };
    const placed = squarify(values, (v) => v, rect);
    expect(placed.map((p) => p.item)).toEqual(values);
    // The first row is the two 6s, stacked in a column of width 3 on the left.
    expect(placed[0]).toMatchObject({ x: 0, y: 0, width: 3, height: 2 });
    expect(placed[1]).toMatchObject({ x: 0, y: 2, width: 3, height: 2 });
    for (const p of placed) expect(area(p)).toBeCloseTo(p.item, 6);
    expect(overlaps(placed)).toBe(false);
    expect(Math.max(...placed.map(ratio))).toBeLessThan(3);
  });

  it('gives each item an area proportional to its value and fills the rectangle exactly', () => {
    const values = [120, 80, 80, 40, 33, 20, 7, 5, 1];
    const rect = { x: 10, y: 20, width: 640, height: 360 };
    const placed = squarify(values, (v) => v, rect);
    const total = values.reduce((a, b) => a + b, 0);
    for (const p of placed) {
      expect(area(p) / area(rect)).toBeCloseTo(p.item / total, 6);
      expect(inside(p, rect)).toBe(true);
    }
    expect(placed.reduce((sum, p) => sum + area(p), 0)).toBeCloseTo(area(rect), 4);
    expect(overlaps(placed)).toBe(false);
  });

  it('keeps cells squarer than slicing would', () => {
    const values = Array.from({ length: 40 }, (_, i) => 40 - i);
    const placed = squarify(values, (v) => v, { x: 0, y: 0, width: 800, height: 500 });
    const mean = placed.reduce((sum, p) => sum + ratio(p), 0) / placed.length;
    expect(mean).toBeLessThan(3);
  });

  it('leaves out items without a positive value, and answers nothing for an empty rectangle', () => {
    const items = [
      { name: 'empty', lines: 0 },
      { name: 'a', lines: 3 },
      { name: 'broken', lines: Number.NaN },
      { name: 'b', lines: 1 },
    ];
    const placed = squarify(items, (d) => d.lines, { x: 0, y: 0, width: 4, height: 1 });
    expect(placed.map((p) => p.item.name)).toEqual(['a', 'b']);
    expect(squarify(items, (d) => d.lines, { x: 0, y: 0, width: 0, height: 10 })).toEqual([]);
    expect(squarify([], (d: number) => d, { x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
  });

  it('is deterministic: equal values keep their input order', () => {
    const items = ['c', 'a', 'b'].map((name) => ({ name, v: 1 }));
    const first = squarify(items, (d) => d.v, { x: 0, y: 0, width: 3, height: 1 });
    expect(first.map((p) => p.item.name)).toEqual(['c', 'a', 'b']);
    expect(squarify(items, (d) => d.v, { x: 0, y: 0, width: 3, height: 1 })).toEqual(first);
  });
});

describe('nestedTreemap', () => {
  interface Node extends LayoutNode {
    name: string;
    children?: Node[];
  }
  const file = (name: string, value: number): Node => ({ name, value });
  const dir = (name: string, children: Node[]): Node => ({
    name,
    value: children.reduce((sum, child) => sum + child.value, 0),
    children,
  });
  const tree = dir('', [
    dir('src', [file('a.ts', 300), dir('lib', [file('b.ts', 100), file('c.ts', 100)])]),
    file('README.md', 100),
  ]);
  const options = { depth: 3, padding: 2, header: 16, minInner: 8 };

  it('places children inside their directory, below its header, parents first', () => {
    const cells = nestedTreemap(tree, { x: 0, y: 0, width: 600, height: 400 }, options);
    const byName = new Map(cells.map((cell) => [cell.node.name, cell]));
    expect(cells.map((cell) => cell.node.name)).toEqual(['src', 'a.ts', 'lib', 'b.ts', 'c.ts', 'README.md']);
    const src = byName.get('src')!;
    const lib = byName.get('lib')!;
    expect(src.depth).toBe(1);
    expect(lib.depth).toBe(2);
    expect(byName.get('b.ts')!.depth).toBe(3);
    const srcInner = { x: src.x + 2, y: src.y + 16, width: src.width - 4, height: src.height - 18 };
    expect(inside(lib, srcInner)).toBe(true);
    expect(inside(byName.get('a.ts')!, srcInner)).toBe(true);
    expect(overlaps([src, byName.get('README.md')!])).toBe(false);
  });

  it('stops at the requested depth and at directories too small to hold their children', () => {
    const shallow = nestedTreemap(tree, { x: 0, y: 0, width: 600, height: 400 }, { ...options, depth: 1 });
    expect(shallow.map((cell) => cell.node.name)).toEqual(['src', 'README.md']);
    const tiny = nestedTreemap(tree, { x: 0, y: 0, width: 30, height: 20 }, options);
    expect(tiny.map((cell) => cell.node.name)).toEqual(['src', 'README.md']);
  });
});
