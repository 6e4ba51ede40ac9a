import { checkIn, createApiClient, finishTask, setTestClock, startTask } from '../../src/contracts/index.js';
import type { TestUser } from './commitment.js';

/** Two weekly checkpoints of four tasks each: hour-long ones, then two-hour ones. */
export const FOUR_BY_TWO_PLAN = `# Launch

## Week 1: Foundations
- [ ] Set up the repo (1h)
- [ ] Sign-in page (1h)
- [ ] Profile page (1h)
- [ ] Settings page (1h)

## Week 2: Payments
- [ ] Stripe checkout (2h)
- [ ] Receipts (2h)
- [ ] Invoices (2h)
- [ ] Refunds (2h)
`;

/**
 * Moves the test clock, and works tasks from Today as a builder would: started, the minutes checked
 * in against the task (unless `logged` is false: then the start and finish times are all there is),
 * then done.
 */
export function workHistory(url: () => string, builder: () => TestUser, projectId: () => string) {
  const moveTo = (now: string) => createApiClient({ baseUrl: url() }).call(setTestClock, { body: { now } });
  async function work(startUtc: string, taskId: string, minutes: number, logged = true) {
    const client = builder().client;
    const params = { projectId: projectId(), taskId };
    await moveTo(startUtc);
    await client.call(startTask, { params });
    await moveTo(new Date(Date.parse(startUtc) + minutes * 60_000).toISOString());
    if (logged)
      await client.call(checkIn, {
        params: { projectId: params.projectId },
        body: { minutes, taskId, text: taskId },
      });
    await client.call(finishTask, { params });
  }
  return { moveTo, work };
}
