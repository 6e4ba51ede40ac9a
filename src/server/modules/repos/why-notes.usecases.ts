import type { z } from 'zod';
import type { ExplainCommitBody, WhyNote } from '../../../contracts/repositories.contract.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { findUserById } from '../accounts/users.repository.js';
import * as repo from './repos.repository.js';
import { requireRepository } from './repos.usecases.js';

/**
 * A why-note written after the commit: the person who writes it now understands the commit's lines.
 * Writing again replaces the text; the first moment of understanding is kept.
 */
export async function explainCommit(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  params: { repositoryId: string; sha: string },
  body: z.output<typeof ExplainCommitBody>,
): Promise<WhyNote> {
  const { repository } = await requireRepository(deps.db, params.repositoryId, actor);
  const matches = await repo.shasStartingWith(deps.db, repository.id, params.sha.toLowerCase());
  if (matches.length === 0) throw new AppError('repositories.commit_not_found');
  if (matches.length > 1) throw new AppError('repositories.ambiguous_sha');
  const sha = matches[0]!.sha;
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('auth.required');
  const person = user.email.toLowerCase();
  const now = deps.clock.now().toISOString();
  await deps.db
    .insertInto('understanding_facts')
    .values({
      id: newId(),
      repository_id: repository.id,
      sha,
      person_email: person,
      kind: 'explained',
      source: 'explain',
      text: body.text,
      recorded_by: actor.userId,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['repository_id', 'sha', 'person_email', 'kind', 'source']).doUpdateSet({ text: body.text }),
    )
    .execute();
  return { sha, person, text: body.text, createdAt: now };
}
