/**
 * Maps over items with at most `limit` calls in flight, keeping the input order in the result. Used
 * to run a few git processes at once: enough to use the cores, not so many that they thrash the disk
 * or hit the process limit. Stops starting new work after the first failure and rethrows it.
 *
 * @example const sizes = await mapWithConcurrency(paths, 4, (path) => stat(path));
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
