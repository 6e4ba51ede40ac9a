/**
 * A binary min-heap of node indices ordered by a precomputed rank (lower pops first). Ranks are
 * unique, so the pop order is fully deterministic.
 */
export class RankHeap {
  private readonly items: number[] = [];

  constructor(private readonly rank: Int32Array) {}

  get size(): number {
    return this.items.length;
  }

  push(node: number): void {
    const items = this.items;
    let index = items.push(node) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = items[parent] ?? 0;
      if (this.before(above, node)) break;
      items[index] = above;
      index = parent;
    }
    items[index] = node;
  }

  /** The lowest-ranked node; undefined when empty. */
  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const leftNode = items[left] ?? 0;
      const rightNode = items[right];
      const child = rightNode !== undefined && this.before(rightNode, leftNode) ? right : left;
      const childNode = items[child] ?? 0;
      if (this.before(last, childNode)) break;
      items[index] = childNode;
      index = child;
    }
    items[index] = last;
    return top;
  }

  private before(a: number, b: number): boolean {
    return (this.rank[a] ?? 0) < (this.rank[b] ?? 0);
  }
}
