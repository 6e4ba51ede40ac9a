/** Lower-case, Unicode-aware slug: "Неделя 2: База" → "неделя-2-база". */
export function slugOf(text: string, maxLength = 40): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'x';
}

/** Hands out ids, suffixing "-2", "-3"… when one is taken, so ids stay unique and deterministic. */
export class IdAllocator {
  private readonly taken = new Set<string>();

  has(id: string): boolean {
    return this.taken.has(id);
  }

  claim(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id); n += 1) id = `${wanted}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** Counts children per parent key for positional ids ("week-2.t3"). */
export class Counter {
  private readonly counts = new Map<string, number>();

  next(key: string): number {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }
}
