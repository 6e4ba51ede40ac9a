/**
 * Reads an async source ahead of its consumer, up to `maxBytes`, so the producer (a git process
 * writing into a 64 KiB pipe) keeps working while the consumer is busy or waiting on something
 * else. Reading starts at once, not on the first `next()`.
 *
 * @example for await (const chunk of readAhead(git.chunks)) parse(chunk);
 */
export function readAhead(
  source: AsyncIterable<Buffer>,
  maxBytes = 64 * 1024 * 1024,
): AsyncGenerator<Buffer> {
  const buffer = new ChunkBuffer(maxBytes);
  void buffer.fill(source);
  return buffer.drain();
}

const EMPTY = Buffer.alloc(0);

class ChunkBuffer {
  private readonly queue: Buffer[] = [];
  private head = 0;
  private bytes = 0;
  private done = false;
  private failure: { error: unknown } | null = null;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;

  constructor(private readonly maxBytes: number) {}

  async fill(source: AsyncIterable<Buffer>): Promise<void> {
    try {
      for await (const chunk of source) {
        this.queue.push(chunk);
        this.bytes += chunk.length;
        this.wakeConsumer?.();
        while (this.bytes > this.maxBytes)
          await new Promise<void>((resolve) => (this.wakeProducer = resolve));
      }
    } catch (error) {
      this.failure = { error };
    } finally {
      this.done = true;
      this.wakeConsumer?.();
    }
  }

  async *drain(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = this.shift();
      if (chunk) {
        yield chunk;
        continue;
      }
      if (this.done) {
        if (this.failure) throw this.failure.error;
        return;
      }
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
      this.wakeConsumer = null;
    }
  }

  private shift(): Buffer | undefined {
    if (this.head >= this.queue.length) return undefined;
    const chunk = this.queue[this.head] ?? EMPTY;
    this.queue[this.head++] = EMPTY; // let the chunk be collected once consumed
    if (this.head > 1024) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.bytes -= chunk.length;
    this.wakeProducer?.();
    return chunk;
  }
}
