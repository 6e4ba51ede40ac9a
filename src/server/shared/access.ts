import type { Decision } from '../../core/access/workspace-policy.js';
import type { ErrorCode } from '../../contracts/errors.js';
import { AppError } from './errors.js';

/**
 * Turn a policy decision into the answer: hidden things are "not found" (never a hint that
 * they exist), members without the role get a plain 403.
 */
export function enforce(decision: Decision, notFound: ErrorCode): void {
  if (decision.allowed) return;
  switch (decision.reason) {
    case 'hidden':
      throw new AppError(notFound);
    case 'forbidden':
      throw new AppError('access.forbidden');
    case 'self_escalation':
      throw new AppError('access.self_escalation');
    case 'last_organizer':
      throw new AppError('workspaces.last_organizer');
  }
}
