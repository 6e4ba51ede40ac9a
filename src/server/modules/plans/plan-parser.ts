import { Worker } from 'node:worker_threads';
import type { ImportedPlan, PlanFormat } from '../../../core/plans/plan.model.js';
import { PlanImportError } from '../../../core/plans/plan.model.js';

export interface ParseInput {
  text: string;
  fileName?: string;
  format?: PlanFormat;
}

export interface ParseRequest {
  id: number;
  input: ParseInput;
}

export type ParseReply =
  | { id: number; plan: ImportedPlan }
  | { id: number; importError: { message: string; location: PlanImportError['location']; hint: string } }
  | { id: number; failure: string };

/** Parses plans off the event loop. */
export interface PlanParser {
  parse(input: ParseInput): Promise<ImportedPlan>;
  close(): Promise<void>;
}

export class PlanParseTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`Reading the plan took longer than ${seconds} s.`);
    this.name = 'PlanParseTimeout';
  }
}

interface Pending {
  input: ParseInput;
  worker: Worker;
  resolve(plan: ImportedPlan): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

function spawn(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) {
    const worker = new Worker(new URL('./plan-import.worker.js', import.meta.url));
    worker.unref();
    return worker;
  }
  // From src/ (tests, `npm run dev`) the worker is TypeScript: register tsx inside it first.
  const source = new URL('./plan-import.worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  const worker = new Worker(bootstrap, { eval: true });
  worker.unref();
  return worker;
}

/**
 * One worker thread, started on first use and reused; requests queue in it. A parse that runs past
 * `timeoutMs` ends the worker (the next request starts a fresh one) and fails with PlanParseTimeout.
 */
export function createWorkerPlanParser(options: { timeoutMs: number }): PlanParser {
  let worker: Worker | undefined;
  let closed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (of: Worker, error: Error) => {
    for (const [id, entry] of pending) {
      if (entry.worker !== of) continue;
      clearTimeout(entry.timer);
      entry.reject(error);
      pending.delete(id);
    }
  };

  // Requests queued behind a plan that timed out move to a fresh worker.
  const redispatch = (from: Worker) => {
    for (const [id, entry] of pending) {
      if (entry.worker !== from) continue;
      entry.worker = ensureWorker();
      entry.worker.postMessage({ id, input: entry.input } satisfies ParseRequest);
    }
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = spawn();
    started.on('message', (reply: ParseReply) => {
      const entry = pending.get(reply.id);
      if (!entry) return;
      pending.delete(reply.id);
      clearTimeout(entry.timer);
      if ('plan' in reply) entry.resolve(reply.plan);
      else if ('importError' in reply)
        entry.reject(
          new PlanImportError(reply.importError.message, reply.importError.location, reply.importError.hint),
        );
      else entry.reject(new Error(`The plan reader failed: ${reply.failure}`));
    });
    started.on('error', (error) => failAll(started, error));
    started.on('exit', () => {
      if (closed) {
        failAll(started, new Error('The server is shutting down.'));
      } else if (worker === started) {
        worker = undefined;
        failAll(started, new Error('The plan reader stopped unexpectedly.'));
      } else {
        redispatch(started);
      }
    });
    worker = started;
    return started;
  };

  return {
    parse(input) {
      if (closed) return Promise.reject(new Error('The server is shutting down.'));
      const id = nextId++;
      const target = ensureWorker();
      return new Promise<ImportedPlan>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new PlanParseTimeout(Math.round(options.timeoutMs / 1000)));
          // The worker may be stuck in this plan: replace it rather than wait.
          if (worker === target) worker = undefined;
          void target.terminate();
        }, options.timeoutMs);
        pending.set(id, { input, worker: target, resolve, reject, timer });
        target.postMessage({ id, input } satisfies ParseRequest);
      });
    },
    async close() {
      closed = true;
      const current = worker;
      worker = undefined;
      if (current) await current.terminate();
    },
  };
}
