/**
 * A squarified treemap layout: rectangles whose areas are proportional to their values, kept as close
 * to squares as the greedy row-by-row method allows (Bruls, Huizing and van Wijk, "Squarified
 * Treemaps", 2000). Pure functions of plain data, so the web page draws what these return and the
 * tests check the geometry without a browser.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Placed<T> = Rect & { item: T };

/** The worst aspect ratio in a row of areas laid along a side of length `side`. */
function worstRatio(sum: number, min: number, max: number, side: number): number {
  const side2 = side * side;
  const sum2 = sum * sum;
  return Math.max((side2 * max) / sum2, sum2 / (side2 * min));
}

/** Place one row along the shorter side of `free`, and return what is left of it. */
function placeRow<T>(row: { item: T; area: number }[], free: Rect, out: Placed<T>[]): Rect {
  const sum = row.reduce((total, cell) => total + cell.area, 0);
  if (free.width >= free.height) {
    // A column on the left, as tall as the free space.
    const width = free.height > 0 ? sum / free.height : 0;
    let y = free.y;
    row.forEach((cell, index) => {
      const last = index === row.length - 1;
      const height = last ? free.y + free.height - y : width > 0 ? cell.area / width : 0;
      out.push({ item: cell.item, x: free.x, y, width, height });
      y += height;
    });
    return { x: free.x + width, y: free.y, width: Math.max(0, free.width - width), height: free.height };
  }
  // A row along the top, as wide as the free space.
  const height = free.width > 0 ? sum / free.width : 0;
  let x = free.x;
  row.forEach((cell, index) => {
    const last = index === row.length - 1;
    const width = last ? free.x + free.width - x : height > 0 ? cell.area / height : 0;
    out.push({ item: cell.item, x, y: free.y, width, height });
    x += width;
  });
  return { x: free.x, y: free.y + height, width: free.width, height: Math.max(0, free.height - height) };
}

/**
 * Lay `items` out in `rect`, largest first. Items whose value is not positive get no rectangle (they
 * have no area to show); the others fill `rect` exactly.
 *
 * @example squarify([{ n: 'a', v: 6 }, { n: 'b', v: 2 }], (d) => d.v, { x: 0, y: 0, width: 4, height: 2 })
 * // [{ item: a, x: 0, y: 0, width: 3, height: 2 }, { item: b, x: 3, y: 0, width: 1, height: 2 }]
 */
export function squarify<T>(items: readonly T[], value: (item: T) => number, rect: Rect): Placed<T>[] {
  const weighed = items
    .map((item, index) => ({ item, value: value(item), index }))
    .filter((entry) => Number.isFinite(entry.value) && entry.value > 0)
    // Largest first; equal values keep their input order, so the layout is deterministic.
    .sort((a, b) => b.value - a.value || a.index - b.index);
  const total = weighed.reduce((sum, entry) => sum + entry.value, 0);
  const area = Math.max(0, rect.width) * Math.max(0, rect.height);
  if (weighed.length === 0 || area === 0) return [];
  const scale = area / total;
  const cells = weighed.map((entry) => ({ item: entry.item, area: entry.value * scale }));

  const out: Placed<T>[] = [];
  let free: Rect = { ...rect };
  let row: typeof cells = [];
  let rowSum = 0;
  let rowMin = Infinity;
  let rowMax = 0;
  for (const cell of cells) {
    const side = Math.min(free.width, free.height);
    if (row.length > 0) {
      const current = worstRatio(rowSum, rowMin, rowMax, side);
      const next = worstRatio(
        rowSum + cell.area,
        Math.min(rowMin, cell.area),
        Math.max(rowMax, cell.area),
        side,
      );
      if (next > current) {
        free = placeRow(row, free, out);
        row = [];
        rowSum = 0;
        rowMin = Infinity;
        rowMax = 0;
      }
    }
    row.push(cell);
    rowSum += cell.area;
    rowMin = Math.min(rowMin, cell.area);
    rowMax = Math.max(rowMax, cell.area);
  }
  if (row.length > 0) placeRow(row, free, out);
  return out;
}

/** A node of the tree to lay out: a value of its own (files) or the sum of its children (directories). */
export interface LayoutNode {
  value: number;
  children?: readonly LayoutNode[];
}

export interface NestedCell<T extends LayoutNode> extends Rect {
  node: T;
  /** 1 for the children of the laid-out node, 2 for theirs, … */
  depth: number;
}

export interface NestedOptions {
  /** How many levels below the root to draw (1: only its children). */
  depth: number;
  /** Space between a directory's edge and its children. */
  padding: number;
  /** Space above a directory's children, for its name. */
  header: number;
  /** A directory smaller than this (either side, once padded) is drawn without its children. */
  minInner: number;
}

/**
 * The children of `root` laid out in `rect`, then each directory's children inside it (below a header
 * for its name), down to `options.depth` levels. Parents come before their children in the result, so
 * drawing in order paints children on top.
 */
export function nestedTreemap<T extends LayoutNode>(
  root: T,
  rect: Rect,
  options: NestedOptions,
): NestedCell<T>[] {
  const out: NestedCell<T>[] = [];
  const visit = (node: T, area: Rect, depth: number) => {
    const children = (node.children ?? []) as readonly T[];
    for (const placed of squarify(children, (child) => child.value, area)) {
      const { item, ...box } = placed;
      out.push({ ...box, node: item, depth });
      if (depth >= options.depth || !item.children || item.children.length === 0) continue;
      const inner: Rect = {
        x: box.x + options.padding,
        y: box.y + options.header,
        width: box.width - 2 * options.padding,
        height: box.height - options.header - options.padding,
      };
      if (inner.width >= options.minInner && inner.height >= options.minInner) visit(item, inner, depth + 1);
    }
  };
  visit(root, rect, 1);
  return out;
}
