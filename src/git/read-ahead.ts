/**
 * Reads an async source ahead of its consumer, up to `maxBytes`, so the producer (a git process
 * writing into a 64 KiB pipe) keeps working while the consumer is busy or waiting on something
 * else. Reading starts at once, not on the first `next()`.
 *
 * @example for await (const chunk of readAhead(git.chunks)) parse(chunk);
 */
const EMPTY = Buffer.alloc(0);

export function readAhead(
  source: AsyncIterable<Buffer>,
  maxBytes = 64 * 1024 * 1024,
): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let head = 0;
  let bytes = 0;
  let done = false;
  let failure: { error: unknown } | null = null;
  // Typed through `as`: they are assigned inside callbacks, which narrowing does not see.
  let wakeConsumer = null as (() => void) | null;
  let wakePump = null as (() => void) | null;

  void (async () => {
    try {
      for await (const chunk of source) {
        queue.push(chunk);
        bytes += chunk.length;
        wakeConsumer?.();
        while (bytes > maxBytes) await new Promise<void>((resolve) => (wakePump = resolve));
      }
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      wakeConsumer?.();
    }
  })();

  async function* consume(): AsyncGenerator<Buffer> {
    for (;;) {
      if (head < queue.length) {
        const chunk = queue[head] as Buffer;
        queue[head++] = EMPTY; // let the chunk be collected once consumed
        if (head > 1024) {
          queue.splice(0, head);
          head = 0;
        }
        bytes -= chunk.length;
        wakePump?.();
        yield chunk;
        continue;
      }
      if (done) {
        if (failure) throw (failure as { error: unknown }).error;
        return;
      }
      await new Promise<void>((resolve) => (wakeConsumer = resolve));
      wakeConsumer = null;
    }
  }
  return consume();
}
