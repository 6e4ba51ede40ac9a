import type { PlanTask } from '../plan.model.js';
import type { MatchOptions, TaskMatch } from './versions.model.js';
import { type Candidate, MatchState, candidate, pairGreedily, prepareSide } from './match-state.js';
import { SimilarCandidates } from './similar-candidates.js';
import { type TitleProfile, similarityBound, titleProfile, titleSimilarity } from './title-similarity.js';
import { TokenVocabulary } from './token-vocabulary.js';

/** Default lowest similarity for the fuzzy pass; see title-similarity.ts for what scores where. */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.8;

/** Beyond this many same-title pairs in one group (a plan of 300 "TBD"s), pair them in list order. */
const MAX_TITLE_GROUP_PAIRS = 10_000;

/**
 * Pairs the tasks of a re-imported plan (`next`) with those of the version before (`previous`),
 * one-to-one and deterministically, in three passes over the tasks still unpaired:
 *
 * 1. **sourceId** — the same source id ("T012"), when it is unique on both sides, unless the titles
 *    contradict it: if the titles differ and either title exists as-is on the other side, the plan was
 *    renumbered and the id now names another task, so the title passes decide.
 * 2. **title** — the same normalised title (case, whitespace, punctuation, Markdown, NFKC-insensitive),
 *    parents before children, preferring the same parent, then the same phase, then the nearest position.
 * 3. **similar** — fuzzy title similarity ≥ `similarityThreshold` (default 0.8), best scores first, then
 *    the same tie-breakers. Candidates are bucketed by their rarer words (see similar-candidates.ts).
 *
 * Returns one row per next task (in `next` order), then one per unpaired previous task (in `previous`
 * order): every task of both sides appears exactly once. Ids are assumed unique within each version.
 *
 * @example
 * matchTasks(v1.tasks, v2.tasks)
 * // [{ previousId: 'a', nextId: 'x', by: 'title' }, { previousId: null, nextId: 'y', by: null }, …]
 */
export function matchTasks(previous: PlanTask[], next: PlanTask[], options: MatchOptions = {}): TaskMatch[] {
  const state = new MatchState(prepareSide(previous), prepareSide(next));
  matchBySourceId(state);
  matchByTitle(state);
  matchBySimilarity(state, options.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD);
  return rowsOf(state);
}

function matchBySourceId(state: MatchState): void {
  const previousBySource = uniqueSourceIds(state.previous.tasks);
  const nextBySource = uniqueSourceIds(state.next.tasks);
  const previousKeys = new Set(state.previous.keys);
  const nextKeys = new Set(state.next.keys);
  for (const [sourceId, nextIndex] of nextBySource) {
    const previousIndex = previousBySource.get(sourceId);
    if (previousIndex === undefined) continue;
    const nextKey = state.next.keys[nextIndex] ?? '';
    const previousKey = state.previous.keys[previousIndex] ?? '';
    const contradicted = nextKey !== previousKey && (previousKeys.has(nextKey) || nextKeys.has(previousKey));
    if (!contradicted) state.pair(nextIndex, previousIndex, 'sourceId');
  }
}

function uniqueSourceIds(tasks: readonly PlanTask[]): Map<string, number> {
  const indices = new Map<string, number | null>();
  tasks.forEach((task, index) => {
    const sourceId = task.sourceId?.trim();
    if (sourceId) indices.set(sourceId, indices.has(sourceId) ? null : index);
  });
  const unique = new Map<string, number>();
  for (const [sourceId, index] of indices) if (index !== null) unique.set(sourceId, index);
  return unique;
}

function matchByTitle(state: MatchState): void {
  const previousByKey = groupIndices(state.previous.keys);
  const levels = groupIndices(state.next.depths.map(String));
  const depths = [...levels.keys()].sort((a, b) => Number(a) - Number(b));
  for (const depth of depths) {
    const nextByKey = new Map<string, number[]>();
    for (const nextIndex of levels.get(depth) ?? []) {
      if (state.previousOfNext[nextIndex] !== null) continue;
      const key = state.next.keys[nextIndex] ?? '';
      const group = nextByKey.get(key);
      if (group) group.push(nextIndex);
      else nextByKey.set(key, [nextIndex]);
    }
    const candidates: Candidate[] = [];
    for (const [key, nextIndices] of nextByKey) {
      const free = (previousByKey.get(key) ?? []).filter((index) => state.nextOfPrevious[index] === null);
      if (nextIndices.length * free.length > MAX_TITLE_GROUP_PAIRS) {
        nextIndices.forEach((nextIndex, order) => {
          const previousIndex = free[order];
          if (previousIndex !== undefined) state.pair(nextIndex, previousIndex, 'title');
        });
        continue;
      }
      for (const nextIndex of nextIndices)
        for (const p of free) candidates.push(candidate(state, nextIndex, p, 1));
    }
    pairGreedily(state, candidates, 'title', false);
  }
}

function groupIndices(values: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  values.forEach((value, index) => {
    const group = groups.get(value);
    if (group) group.push(index);
    else groups.set(value, [index]);
  });
  return groups;
}

function matchBySimilarity(state: MatchState, threshold: number): void {
  const vocabulary = new TokenVocabulary();
  const profileOf = (keys: string[], paired: (number | null)[]) =>
    keys.map((key, index): TitleProfile | null =>
      paired[index] === null ? titleProfile(key, vocabulary) : null,
    );
  const previousProfiles = profileOf(state.previous.keys, state.nextOfPrevious);
  const nextProfiles = profileOf(state.next.keys, state.previousOfNext);
  const buckets = new SimilarCandidates(previousProfiles, vocabulary);
  const candidates: Candidate[] = [];
  nextProfiles.forEach((profile, nextIndex) => {
    if (!profile) return;
    for (const previousIndex of buckets.for(profile)) {
      const previousProfile = previousProfiles[previousIndex];
      if (!previousProfile) continue;
      if (similarityBound(profile.tokens.length, previousProfile.tokens.length) < threshold) continue;
      const similarity = titleSimilarity(profile, previousProfile, vocabulary, threshold);
      if (similarity >= threshold) candidates.push(candidate(state, nextIndex, previousIndex, similarity));
    }
  });
  pairGreedily(state, candidates, 'similar', true);
}

function rowsOf(state: MatchState): TaskMatch[] {
  const rows: TaskMatch[] = state.next.tasks.map((task, nextIndex) => {
    const previousIndex = state.previousOfNext[nextIndex] ?? null;
    const previousId = previousIndex === null ? null : (state.previous.tasks[previousIndex]?.id ?? null);
    const similarity = state.similarity[nextIndex];
    const row: TaskMatch = { previousId, nextId: task.id, by: state.by[nextIndex] ?? null };
    return similarity === undefined ? row : { ...row, similarity };
  });
  state.previous.tasks.forEach((task, previousIndex) => {
    if (state.nextOfPrevious[previousIndex] === null)
      rows.push({ previousId: task.id, nextId: null, by: null });
  });
  return rows;
}
