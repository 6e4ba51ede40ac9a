import { useMemo, useState } from 'react';
import {
  listUnderstanding,
  type ComprehensionSnapshot,
  type ProjectComprehension,
} from '../../../contracts/comprehension.contract.js';
import { formatInstant } from '../../lib/format.js';
import { useApi, useUser } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import { Hotspots } from './hotspots.js';
import { TreeExplorer } from './tree-explorer.js';
import {
  buildTree,
  busFactorSentence,
  coverageSentence,
  formatCount,
  formatPercent,
  plural,
} from './tree-model.js';
import { TrendChart } from './trend-chart.js';
import { reviewedSince, type ReviewedSince } from './reviewed-since.js';

type RepositoryData = ProjectComprehension['repositories'][number];

function Summary({ snapshot }: { snapshot: ComprehensionSnapshot }) {
  const user = useUser();
  const { totals } = snapshot;
  const aiShare = totals.lines > 0 ? totals.aiLines / totals.lines : 0;
  return (
    <div className="stack-small">
      <dl className="cmp-stats">
        <div className="cmp-stat cmp-stat-wide">
          <dt>Coverage</dt>
          <dd>
            <span className="cmp-stat-value">{formatPercent(totals.coverage)}</span>
            <span className="cmp-stat-words">{coverageSentence(totals)}</span>
          </dd>
        </div>
        <div className="cmp-stat">
          <dt>AI lines</dt>
          <dd>
            <span className="cmp-stat-value">{formatCount(totals.aiLines)}</span>
            <span className="cmp-stat-words">
              {formatPercent(aiShare)} of the lines were last changed with an AI tool.
            </span>
          </dd>
        </div>
        <div className="cmp-stat">
          <dt>Un-understood lines</dt>
          <dd>
            <span className="cmp-stat-value">{formatCount(totals.unexplainedAiLines)}</span>
            <span className="cmp-stat-words">
              {totals.unexplainedAiLines === 0
                ? 'Every AI line has been explained or reviewed by someone.'
                : `AI ${totals.unexplainedAiLines === 1 ? 'line' : 'lines'} nobody has explained (a why-note) or reviewed (a review, a walkthrough).`}
            </span>
          </dd>
        </div>
        <div className="cmp-stat cmp-stat-wide">
          <dt>Bus factor</dt>
          <dd>
            <span className="cmp-stat-value">{totals.busFactor}</span>
            <span className="cmp-stat-words">{busFactorSentence(totals.busFactor)}</span>
          </dd>
        </div>
      </dl>
      <p className="muted" data-testid="measured">
        Measured {formatInstant(snapshot.takenAt, user.timeZone)} at commit{' '}
        <code title={snapshot.commit}>{snapshot.commit.slice(0, 10)}</code>, over{' '}
        {plural(snapshot.files.length, 'file')}.
      </p>
    </div>
  );
}

function NotMeasured({ name }: { name: string }) {
  return (
    <div className="cmp-empty stack-small">
      <p>
        <strong>{name}</strong> has not been measured yet.
      </p>
      <p>
        In a clone of it, run <code>recital comprehension</code>: it reads <code>git blame</code> and the
        commits’ AI attribution, and sends who understands which lines here.
      </p>
    </div>
  );
}

/**
 * One repository's comprehension: what is understood and by how many people, the tree as a treemap,
 * the hotspots, and the trend per sprint.
 */
export function RepositoryComprehension({
  repository,
  canRecord,
  onRecorded,
}: {
  repository: RepositoryData;
  canRecord: boolean;
  onRecorded(): void;
}) {
  const { latest } = repository;
  const api = useApi();
  const tree = useMemo(() => (latest ? buildTree(latest.files) : null), [latest]);
  // Explanations and reviews Recital holds for the snapshot's un-understood commits: they are newer than it.
  const understanding = useQuery(`understanding:${repository.id}:${latest?.id ?? ''}`, async () =>
    latest ? api.call(listUnderstanding, { params: { repositoryId: repository.id } }) : null,
  );
  const [mine, setMine] = useState<Record<string, ReviewedSince>>({});
  const reviewed = useMemo(
    () => ({ ...reviewedSince(latest?.files ?? [], understanding.data?.facts ?? []), ...mine }),
    [latest, understanding.data, mine],
  );
  const headingId = `repo-${repository.id}`;

  const record = (path: string, commits: number) => {
    setMine((current) => ({ ...current, [path]: { commits, byYou: true } }));
    understanding.reload();
    onRecorded();
  };

  return (
    <section className="cmp-repo stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="cmp-repo-name">
        <span className="visually-hidden">Repository </span>
        {repository.name}
      </h2>
      {!latest || !tree ? (
        <div className="card">
          <NotMeasured name={repository.name} />
        </div>
      ) : (
        <>
          <section className="card stack-small" aria-labelledby={`${headingId}-summary`}>
            <h3 id={`${headingId}-summary`}>Who understands the code</h3>
            <Summary snapshot={latest} />
          </section>
          <section className="card stack-small" aria-labelledby={`${headingId}-map`}>
            <h3 id={`${headingId}-map`}>Map of the code</h3>
            <TreeExplorer
              root={tree}
              repositoryId={repository.id}
              repositoryName={repository.name}
              canRecord={canRecord}
              reviewed={reviewed}
              onRecorded={record}
            />
          </section>
          <section className="card stack-small" aria-labelledby={`${headingId}-hotspots`}>
            <h3 id={`${headingId}-hotspots`}>Hotspots</h3>
            <Hotspots snapshot={latest} canRecord={canRecord} reviewed={reviewed} onRecorded={record} />
          </section>
          <section className="card stack-small" aria-labelledby={`${headingId}-trend`}>
            <h3 id={`${headingId}-trend`}>Trend per {repository.period}</h3>
            <TrendChart points={repository.trend} period={repository.period} />
          </section>
        </>
      )}
    </section>
  );
}
