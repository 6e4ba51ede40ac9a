/**
 * Understanding facts a commit message already states: a `Reviewed-by:` trailer says that person
 * reviewed the commit; a `Co-authored-by:` trailer naming a person (not a tool) says they wrote it
 * together with the author. Why-notes, pull request reviews and witness walkthroughs come from
 * Recital's own records and are added by the caller.
 */
import { coAuthorSignal, isAgentAccount } from './ai-identities.js';
import { parseIdentity, parseTrailers, sameKey } from './trailers.js';
import type { UnderstandingFact } from './understanding.js';

/**
 * @example
 * factsFromMessage({ sha: 'abc1234', message: 'Fix\n\nReviewed-by: Bob <bob@example.org>' })
 * // [{ sha: 'abc1234', person: 'bob@example.org', kind: 'reviewed' }]
 */
export function factsFromMessage(commit: { sha: string; message: string }): UnderstandingFact[] {
  const facts: UnderstandingFact[] = [];
  for (const trailer of parseTrailers(commit.message)) {
    const identity = parseIdentity(trailer.value);
    if (!identity?.email) continue;
    const person = identity.email.toLowerCase();
    if (sameKey(trailer.key, 'Reviewed-by') && !isAgentAccount(identity)) {
      facts.push({ sha: commit.sha, person, kind: 'reviewed' });
    } else if (
      sameKey(trailer.key, 'Co-authored-by') &&
      !coAuthorSignal(identity) &&
      !isAgentAccount(identity)
    ) {
      facts.push({ sha: commit.sha, person, kind: 'authored' });
    }
  }
  return facts;
}
