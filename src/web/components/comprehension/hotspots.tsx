import { useState } from 'react';
import type { ComprehensionSnapshot } from '../../../contracts/comprehension.contract.js';
import { formatCount, plural } from './tree-model.js';
import type { ReviewedSinceByPath } from './reviewed-since.js';
import { WalkthroughAction } from './walkthrough.js';

const FIRST = 10;

/**
 * Files ranked by recent churn × un-understood lines: code nobody understands that keeps changing. A
 * witness or organizer can record a walkthrough of each.
 */
export function Hotspots({
  snapshot,
  canRecord,
  reviewed,
  onRecorded,
}: {
  snapshot: ComprehensionSnapshot;
  canRecord: boolean;
  reviewed: ReviewedSinceByPath;
  onRecorded(path: string, commits: number): void;
}) {
  const [all, setAll] = useState(false);
  const ranked = [...snapshot.hotspots].sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  if (ranked.length === 0) {
    return (
      <p className="empty">
        No hotspots: no file with un-understood lines changed recently. Files show up here when code nobody
        explained or reviewed keeps changing.
      </p>
    );
  }
  const files = new Map(snapshot.files.map((file) => [file.path, file]));
  const shown = all ? ranked : ranked.slice(0, FIRST);

  return (
    <div className="stack-small">
      <p className="muted">
        Ranked by recent churn (lines added and deleted) × un-understood lines: code nobody understands that
        keeps changing is where the next surprise comes from.
        {canRecord
          ? ' After walking through a file with the builder, mark it done: its commits then count as reviewed by you.'
          : ' A witness can mark a file as walked through once the builder has explained it to them.'}
      </p>
      <ol className="cmp-hotspots" aria-label="Hotspots, highest score first">
        {shown.map((hotspot, index) => {
          const file = files.get(hotspot.path);
          return (
            <li key={hotspot.path} className="cmp-hotspot">
              <span className="cmp-rank" aria-hidden="true">
                {index + 1}
              </span>
              <div className="cmp-hotspot-body">
                <p className="cmp-hotspot-path">
                  <code>{hotspot.path}</code>
                </p>
                <p className="cmp-hotspot-numbers">
                  <span>{plural(hotspot.churn, 'line')} changed recently</span>
                  <span>
                    <strong>{formatCount(hotspot.unexplainedAiLines)}</strong> un-understood
                  </span>
                  <span className="muted">score {formatCount(Math.round(hotspot.score))}</span>
                </p>
                <WalkthroughAction
                  target={{
                    repositoryId: snapshot.repositoryId,
                    path: hotspot.path,
                    unexplainedAiLines: hotspot.unexplainedAiLines,
                    shas: file?.unexplainedShas ?? [],
                  }}
                  canRecord={canRecord}
                  reviewed={reviewed[hotspot.path]}
                  onRecorded={onRecorded}
                />
              </div>
            </li>
          );
        })}
      </ol>
      {ranked.length > FIRST && (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={all}
          onClick={() => setAll((value) => !value)}
        >
          {all ? `Show the first ${FIRST}` : `Show all ${ranked.length} hotspots`}
        </button>
      )}
    </div>
  );
}
