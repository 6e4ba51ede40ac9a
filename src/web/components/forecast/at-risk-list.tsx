import { Link } from 'react-router';
import { formatDate } from '../charts/local-dates.js';
import { AtRiskBadge, ChanceSummary } from './checkpoint-chance.js';
import '../../styles/forecast.css';

export interface AtRiskItem {
  projectId: string;
  checkpointId: string;
  title: string;
  builderName: string;
  projectName: string;
  dueDate: string;
  chance: { probability: number | null; p85: string | null; note: string };
}

function checkpointPath(projectId: string, checkpointId: string): string {
  return `/projects/${encodeURIComponent(projectId)}/checkpoints/${encodeURIComponent(checkpointId)}`;
}

/**
 * Open checkpoints whose chance of holding is under the threshold, least likely first (the API's
 * order): who, which, when, the chance and the date the forecast is 85% sure of, and what it rests on.
 */
export function AtRiskList({
  items,
  threshold,
  empty,
}: {
  items: readonly AtRiskItem[];
  /** Whole percent or 0..1; said in the badge. */
  threshold?: number | undefined;
  empty: string;
}) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="list fc-risk-list" data-testid="at-risk-list">
      {items.map((item) => (
        <li key={`${item.projectId}:${item.checkpointId}`} className="list-item fc-risk-item">
          <div>
            <Link to={checkpointPath(item.projectId, item.checkpointId)} className="list-title">
              {item.title}
            </Link>
            <p className="muted">
              {item.builderName} · {item.projectName} · due {formatDate(item.dueDate, { year: true })}
            </p>
            <p>
              <ChanceSummary chance={item.chance} dueDate={item.dueDate} />
            </p>
            {item.chance.probability !== null && <p className="fc-note">{item.chance.note}</p>}
          </div>
          <AtRiskBadge threshold={threshold} />
        </li>
      ))}
    </ul>
  );
}
