import {
  compileProjectSchedule,
  createInvitation,
  createProject,
  createWorkspace,
  importPlan,
  proposeContract,
} from '../../src/contracts/index.js';
import { signUpWithToken } from './users.js';

export const TWO_WEEK_PLAN = `# Launch

## Week 1: Foundations
- [ ] Set up the repo (2h)
- [ ] Sign-in page (3h)

**Checkpoint**: a user can sign in on the live site

## Week 2: Payments
- [ ] Stripe checkout (4h)
- [ ] Receipts (2h)
`;

export type TestUser = Awaited<ReturnType<typeof signUpWithToken>>;

/**
 * An organizer's cohort with a builder committed to a two-checkpoint plan, witnessed by a witness:
 * weekdays of two hours, checkpoints due on the given dates.
 */
export async function committedProject(
  url: string,
  options: {
    builderZone: string;
    witnessZone: string;
    dueDates: { 'cp-week-1': string; 'cp-week-2': string };
    /** Another plan with the same two weekly checkpoints. */
    plan?: string;
    minutesPerWeekday?: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', number>;
  },
) {
  const organizer = await signUpWithToken(url, { timeZone: 'Europe/London' });
  const workspaceId = (
    await organizer.client.call(createWorkspace, { body: { name: 'Cohort', kind: 'cohort' } })
  ).id;
  const join = async (role: 'builder' | 'witness', timeZone: string) => {
    const invite = await organizer.client.call(createInvitation, { params: { workspaceId }, body: { role } });
    return signUpWithToken(url, { invitationToken: invite.token, timeZone });
  };
  const builder = await join('builder', options.builderZone);
  const witness = await join('witness', options.witnessZone);
  const projectId = (
    await builder.client.call(createProject, { params: { workspaceId }, body: { name: 'Launch' } })
  ).id;
  await builder.client.call(importPlan, {
    params: { projectId },
    body: { text: options.plan ?? TWO_WEEK_PLAN, fileName: 'plan.md' },
  });
  await builder.client.call(compileProjectSchedule, {
    params: { projectId },
    body: {
      minutesPerWeekday: options.minutesPerWeekday ?? {
        mon: 120,
        tue: 120,
        wed: 120,
        thu: 120,
        fri: 120,
        sat: 0,
        sun: 0,
      },
      checkpointDates: options.dueDates,
      save: true,
    },
  });
  const contract = await builder.client.call(proposeContract, {
    params: { projectId },
    body: { witnesses: [witness.email] },
  });
  return { organizer, builder, witness, workspaceId, projectId, contract };
}
