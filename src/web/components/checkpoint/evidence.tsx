import { formatLocalDate, formatMinutes } from './format.js';

export interface Evidence {
  since: string;
  daysShowedUp: number;
  daysSkipped: number;
  checkins: number;
  tasksDone: number;
  minutes: number;
  commits: number;
  aiCommits: number;
}

/** What the builder did since the previous checkpoint: the witness weighs the proof against it. */
export function EvidenceSummary({ evidence }: { evidence: Evidence }) {
  return (
    <div className="cp-evidence">
      <p className="cp-evidence-title">Since {formatLocalDate(evidence.since)}</p>
      <dl className="cp-evidence-grid">
        <div>
          <dt>Days shown up</dt>
          <dd>{evidence.daysShowedUp}</dd>
        </div>
        <div>
          <dt>Days skipped</dt>
          <dd>{evidence.daysSkipped}</dd>
        </div>
        <div>
          <dt>Check-ins</dt>
          <dd>{evidence.checkins}</dd>
        </div>
        <div>
          <dt>Tasks done</dt>
          <dd>{evidence.tasksDone}</dd>
        </div>
        <div>
          <dt>Time logged</dt>
          <dd>{formatMinutes(evidence.minutes)}</dd>
        </div>
        <div>
          <dt>Commits</dt>
          <dd>
            {evidence.commits}
            {evidence.aiCommits > 0 && <span className="muted"> ({evidence.aiCommits} with AI)</span>}
          </dd>
        </div>
      </dl>
    </div>
  );
}
