import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { ProjectParams } from './plans.contract.js';

export const LedgerEntrySchema = z
  .object({
    projectId: z.string(),
    seq: z.number().int(),
    at: z.string(),
    kind: z.string(),
    actorId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'LedgerEntry' });

export const LedgerVerdictSchema = z
  .object({
    ok: z.boolean(),
    count: z.number().int(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    problems: z.array(z.object({ seq: z.number().int(), kind: z.string(), message: z.string() })),
  })
  .meta({ id: 'LedgerVerdict' });
export type LedgerVerdict = z.infer<typeof LedgerVerdictSchema>;

export const exportLedger = endpoint({
  operationId: 'exportLedger',
  method: 'GET',
  path: '/api/v1/projects/:projectId/ledger',
  summary:
    "The project's append-only, hash-chained record, in order (verify it yourself: SHA-256 over canonical JSON).",
  tag: 'ledger',
  auth: 'required',
  params: ProjectParams,
  response: z.object({ entries: z.array(LedgerEntrySchema) }),
  status: 200,
});

export const verifyLedger = endpoint({
  operationId: 'verifyLedger',
  method: 'GET',
  path: '/api/v1/projects/:projectId/ledger/verify',
  summary: 'Recompute every hash and link of the ledger and report any edited, deleted or reordered entry.',
  tag: 'ledger',
  auth: 'required',
  params: ProjectParams,
  response: LedgerVerdictSchema,
  status: 200,
});
