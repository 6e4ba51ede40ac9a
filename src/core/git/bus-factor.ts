/**
 * Bus factor on understanding, not authorship: the smallest number of people who would have to
 * leave before more than half of the files have nobody left who understands them.
 *
 * Computed greedily as in Avelino, Passos, Hora and Valente, "A novel approach for estimating truck
 * factors" (ICPC 2016): while at least half of the files are still covered, remove the person who
 * covers the most still-covered files (ties broken by e-mail, so the answer is deterministic) and
 * count them. Where they weigh authors by degree of authorship, the people here are those who
 * understand a file (`FileComprehension.understoodBy`), so an AI-written file nobody explained or
 * reviewed is orphaned from the start. A repository where nobody understands over half of the
 * files already has a bus factor of 0. Empty files are left out: there is nothing to understand.
 */

export interface BusFactor {
  busFactor: number;
  /** The people removed, in removal order: who the project most depends on. */
  keyPeople: string[];
}

export function busFactor(files: readonly { lines: number; understoodBy: readonly string[] }[]): BusFactor {
  const counted = files.filter((file) => file.lines > 0).map((file) => new Set(file.understoodBy));
  const total = counted.length;
  const keyPeople: string[] = [];
  const covered = () => counted.filter((people) => people.size > 0).length;
  while (total > 0 && (total - covered()) * 2 <= total) {
    const next = mostCovering(counted);
    if (next === null) break;
    keyPeople.push(next);
    for (const people of counted) people.delete(next);
  }
  return { busFactor: keyPeople.length, keyPeople };
}

/** Who understands the most files (the first e-mail alphabetically on ties); null when nobody is left. */
function mostCovering(files: readonly ReadonlySet<string>[]): string | null {
  const counts = new Map<string, number>();
  for (const people of files) for (const person of people) counts.set(person, (counts.get(person) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [person, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && person < best)) {
      best = person;
      bestCount = count;
    }
  }
  return best;
}
