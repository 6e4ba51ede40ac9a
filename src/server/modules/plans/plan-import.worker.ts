import { parentPort } from 'node:worker_threads';
import { importPlan } from '../../../core/plans/import-plan.js';
import { PlanImportError } from '../../../core/plans/plan.model.js';
import type { ParseReply, ParseRequest } from './plan-parser.js';

// Parsing a large Markdown plan takes a while (micromark is thorough, not fast); doing it here keeps
// the server's event loop free for everyone else.
parentPort?.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: request.id, plan: importPlan(request.input) };
  } catch (error) {
    reply =
      error instanceof PlanImportError
        ? {
            id: request.id,
            importError: { message: error.message, location: error.location, hint: error.hint },
          }
        : {
            id: request.id,
            failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
          };
  }
  parentPort?.postMessage(reply);
});
