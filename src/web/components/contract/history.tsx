import { formatInstant } from '../../lib/format.js';
import { relativeTime } from '../../lib/when.js';
import {
  DIRECTION_WORDS,
  humanizeChange,
  STATUS_WORDS,
  type ContractChangeDto,
  type ContractVersion,
} from './describe.js';

interface HistoryProps {
  versions: ContractVersion[];
  titles: Record<string, string>;
  nameOf(userId: string): string;
  userIds: readonly string[];
  now: number;
  timeZone: string;
}

export function DirectionTag({ direction }: { direction: ContractChangeDto['direction'] }) {
  const words = DIRECTION_WORDS[direction];
  return (
    <span className={`ct-direction ct-direction-${direction}`}>
      <span aria-hidden="true">{words.symbol} </span>
      {words.label}
    </span>
  );
}

function StatusTag({ version, timeZone }: { version: ContractVersion; timeZone: string }) {
  return (
    <span className={`ct-status ct-status-${version.status}`}>
      {STATUS_WORDS[version.status]}
      {version.status === 'waiting' && ` until ${formatInstant(version.fullyEffectiveAt, timeZone)}`}
    </span>
  );
}

function When({ iso, now, timeZone }: { iso: string; now: number; timeZone: string }) {
  const absolute = formatInstant(iso, timeZone);
  return (
    <time dateTime={iso} title={absolute}>
      {relativeTime(iso, now)} ({absolute})
    </time>
  );
}

/** Every version, newest first: who asked for what, why, and when each part applies. */
export function ContractHistory({ versions, titles, nameOf, userIds, now, timeZone }: HistoryProps) {
  return (
    <section className="card stack-small ct-card" aria-labelledby="history-heading">
      <h2 id="history-heading">Every version</h2>
      <ol className="ct-versions">
        {versions.map((version) => (
          <li
            key={version.number}
            className={`ct-version ct-version-${version.status}`}
            data-testid={`contract-version-${version.number}`}
          >
            <div className="ct-version-head">
              <h3>Version {version.number}</h3>
              <StatusTag version={version} timeZone={timeZone} />
            </div>
            <p className="muted">
              {version.number === 1 ? 'Committed' : 'Proposed'} by {nameOf(version.requestedBy)}{' '}
              <When iso={version.requestedAt} now={now} timeZone={timeZone} />
            </p>
            {version.number > 1 && (
              <p>
                <span className="muted">Why: </span>“{version.reason}”
              </p>
            )}
            {version.changes.length > 0 ? (
              <ul className="ct-changes">
                {version.changes.map((change, i) => {
                  // An approval brings the waiting parts forward; the change keeps its original date.
                  const at =
                    version.approvedAt && version.approvedAt < change.effectiveAt
                      ? version.approvedAt
                      : change.effectiveAt;
                  const pending = Date.parse(at) > now;
                  const timing = !pending
                    ? `applied ${formatInstant(at, timeZone)}`
                    : version.status === 'superseded'
                      ? 'replaced before it applied'
                      : `applies ${relativeTime(change.effectiveAt, now)} (${formatInstant(change.effectiveAt, timeZone)}) unless a witness approves it sooner`;
                  return (
                    <li key={`${change.field}:${i}`}>
                      <DirectionTag direction={change.direction} />{' '}
                      <span>{humanizeChange(change.description, nameOf, titles, userIds)}</span>{' '}
                      <span className="muted">· {timing}</span>
                    </li>
                  );
                })}
              </ul>
            ) : (
              version.number === 1 && <p>The first commitment.</p>
            )}
            {version.approvedBy && version.approvedAt && (
              <p className="muted">
                Approved early by {nameOf(version.approvedBy)}{' '}
                <When iso={version.approvedAt} now={now} timeZone={timeZone} />
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
