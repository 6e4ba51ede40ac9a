import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { Id } from './common.js';
import { ProjectParams } from './plans.contract.js';

/** The consequence actions a ladder may name (the verdict engine's vocabulary). */
export const CONSEQUENCE_ACTION_NAMES = [
  'nudge_builder',
  'notify_witness',
  'mark_stalled',
  'require_replan',
] as const;

const Minutes = z.number().int().min(0).max(1440);
const LocalDate = z.iso.date({ message: 'Expected a date as YYYY-MM-DD.' });

export const MinutesPerWeekdaySchema = z.strictObject({
  sun: Minutes,
  mon: Minutes,
  tue: Minutes,
  wed: Minutes,
  thu: Minutes,
  fri: Minutes,
  sat: Minutes,
});

export const ContractCheckpointSchema = z.strictObject({
  id: z.string().min(1).max(100),
  dueDate: LocalDate,
  taskIds: z.array(z.string().min(1).max(100)).max(1000),
  criteria: z.array(z.string().max(500)).max(50),
});

export const LadderStepSchema = z.strictObject({
  afterConsecutiveSkips: z.number().int().min(1).max(60),
  action: z.enum(CONSEQUENCE_ACTION_NAMES),
});

export const ContractSchema = z
  .object({
    minutesPerWeekday: MinutesPerWeekdaySchema,
    checkpoints: z.array(ContractCheckpointSchema),
    /** User ids. */
    witnesses: z.array(z.string()),
    backupWitness: z.string().nullable(),
    ladder: z.array(z.object({ afterConsecutiveSkips: z.number().int(), action: z.string() })),
    graceTokensPerSprint: z.number().int(),
    sprintLengthDays: z.number().int(),
    /** Commits saying "fixes T12" mark the task done once they are on the default branch. */
    commitsCloseTasks: z.boolean().default(false),
  })
  .meta({ id: 'Contract' });
export type ContractDto = z.infer<typeof ContractSchema>;

export const ContractVersionSchema = z
  .object({
    number: z.number().int(),
    contract: ContractSchema,
    changes: z.array(
      z.object({
        field: z.string(),
        direction: z.enum(['easier', 'harder', 'neutral']),
        description: z.string(),
        effectiveAt: z.string(),
      }),
    ),
    reason: z.string(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    fullyEffectiveAt: z.string(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    /** `waiting`: easier parts wait for the delay or a witness; `superseded`: a newer version replaced it. */
    status: z.enum(['in_force', 'waiting', 'superseded']),
  })
  .meta({ id: 'ContractVersion' });

export const ContractViewSchema = z
  .object({
    projectId: z.string(),
    /** What holds now (the interim form while easier parts wait); null before the first commitment. */
    inForce: ContractSchema.nullable(),
    waiting: z.boolean(),
    /** Newest first. */
    versions: z.array(ContractVersionSchema),
    /** Checkpoint titles from the plan, by id. */
    checkpointTitles: z.record(z.string(), z.string()),
  })
  .meta({ id: 'ContractView' });
export type ContractView = z.infer<typeof ContractViewSchema>;

/**
 * A change to the commitment. Fields left out keep their current value; for the first commitment
 * they come from the saved schedule and plan (hours, checkpoint dates and criteria) and defaults
 * (2 grace tokens per 14-day sprint, the standard ladder). Witnesses may be named by email.
 */
export const ProposeContractBody = z.strictObject({
  minutesPerWeekday: MinutesPerWeekdaySchema.optional(),
  checkpoints: z.array(ContractCheckpointSchema).max(200).optional(),
  witnesses: z.array(z.string().trim().min(1).max(320)).max(20).optional(),
  backupWitness: z.string().trim().min(1).max(320).nullable().optional(),
  ladder: z.array(LadderStepSchema).max(20).optional(),
  graceTokensPerSprint: z.number().int().min(0).max(31).optional(),
  sprintLengthDays: z.number().int().min(1).max(366).optional(),
  commitsCloseTasks: z.boolean().optional(),
  /** Why: required for every change after the first; witnesses read it. */
  reason: z.string().trim().min(1).max(500).optional(),
});

export const getContract = endpoint({
  operationId: 'getContract',
  method: 'GET',
  path: '/api/v1/projects/:projectId/contract',
  summary: 'The commitment in force, and every version with who changed what, why, and when it applies.',
  tag: 'contracts',
  auth: 'required',
  params: ProjectParams,
  response: ContractViewSchema,
  status: 200,
});

export const proposeContract = endpoint({
  operationId: 'proposeContract',
  method: 'POST',
  path: '/api/v1/projects/:projectId/contract',
  summary:
    'Commit, or change the commitment: harder changes apply at once, easier ones after 7 days or a witness approval.',
  tag: 'contracts',
  auth: 'required',
  params: ProjectParams,
  body: ProposeContractBody,
  response: ContractViewSchema,
  status: 201,
});

export const ContractVersionParams = z.object({
  projectId: Id,
  number: z.coerce.number().int().positive(),
});

export const approveContractChange = endpoint({
  operationId: 'approveContractChange',
  method: 'POST',
  path: '/api/v1/projects/:projectId/contract/versions/:number/approve',
  summary: 'A witness approves a waiting easier change, so it applies now instead of after the delay.',
  tag: 'contracts',
  auth: 'required',
  params: ContractVersionParams,
  response: ContractViewSchema,
  status: 200,
});
