/**
 * A map from paths with O(1) copies: the entries live in fixed hash buckets that copies share until
 * one of them writes, and only the bucket written is copied. A history walk forks the state of every
 * commit that has several children; with a plain Map each fork would copy every path of the tree
 * (tens of thousands in a large repository, for thousands of branch points).
 *
 * Forking gives up ownership on both sides, so neither can write into a bucket the other sees.
 *
 * @example
 * const parent = new PathMap<number>();
 * parent.set('a.ts', 1);
 * const child = parent.fork();
 * child.set('a.ts', 2); // copies one bucket; parent.get('a.ts') is still 1
 */
export class PathMap<V> {
  static readonly BUCKETS = 512;
  private buckets: (Map<string, V> | undefined)[];
  /** 1 where this map may write into the bucket in place: nobody else holds it. */
  private owned: Uint8Array;
  private count: number;

  constructor(from?: { buckets: (Map<string, V> | undefined)[]; count: number }) {
    this.buckets = from ? from.buckets.slice() : new Array<Map<string, V> | undefined>(PathMap.BUCKETS);
    this.owned = new Uint8Array(PathMap.BUCKETS);
    this.count = from?.count ?? 0;
  }

  get size(): number {
    return this.count;
  }

  /** A copy sharing every bucket; afterwards neither map writes into a shared bucket in place. */
  fork(): PathMap<V> {
    this.owned.fill(0);
    return new PathMap<V>({ buckets: this.buckets, count: this.count });
  }

  get(path: string): V | undefined {
    return this.buckets[bucketOf(path)]?.get(path);
  }

  has(path: string): boolean {
    return this.buckets[bucketOf(path)]?.has(path) ?? false;
  }

  set(path: string, value: V): void {
    const bucket = this.writable(bucketOf(path));
    if (!bucket.has(path)) this.count += 1;
    bucket.set(path, value);
  }

  delete(path: string): void {
    const index = bucketOf(path);
    if (!this.buckets[index]?.has(path)) return;
    this.writable(index).delete(path);
    this.count -= 1;
  }

  *entries(): IterableIterator<[string, V]> {
    for (const bucket of this.buckets) if (bucket) yield* bucket;
  }

  private writable(index: number): Map<string, V> {
    const bucket = this.buckets[index];
    if (bucket && this.owned[index] === 1) return bucket;
    const copy = new Map(bucket);
    this.buckets[index] = copy;
    this.owned[index] = 1;
    return copy;
  }
}

/** FNV-1a over UTF-16 code units: cheap, and spreads similar paths (`file-1.ts`, `file-2.ts`). */
function bucketOf(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % PathMap.BUCKETS;
}
