import type { CheckpointDetail } from '../../../contracts/checkpoints.contract.js';
import { CheckResult } from './badges.js';
import { formatBytes } from './format.js';
import { uploadUrl } from './uploads.js';

export type Submission = CheckpointDetail['submissions'][number];
export type ProofItem = Submission['proof'][number];
type Check = Submission['checks'][number];

function kindLabel(item: ProofItem): string {
  switch (item.kind) {
    case 'commits':
      return item.shas.length === 1 ? 'Commit' : 'Commits';
    case 'commit_range':
      return 'Commit range';
    case 'pull_request':
      return 'Pull request';
    case 'live_url':
      return 'Live page';
    case 'file':
      return item.mediaType === 'application/pdf' ? 'PDF' : 'Image';
    case 'text':
      return 'Written proof';
  }
}

function ExternalLink({ url }: { url: string }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="cp-url">
      {url}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

function ProofBody({ item, projectId }: { item: ProofItem; projectId: string }) {
  switch (item.kind) {
    case 'commits':
      return <code className="cp-url">{item.shas.join(', ')}</code>;
    case 'commit_range':
      return (
        <code className="cp-url">
          {item.from}..{item.to}
        </code>
      );
    case 'pull_request':
    case 'live_url':
      return <ExternalLink url={item.url} />;
    case 'file': {
      const href = uploadUrl(projectId, item.fileId);
      if (item.mediaType.startsWith('image/'))
        return (
          <a href={href} target="_blank" rel="noopener noreferrer" className="cp-thumb-link">
            <img src={href} alt={`Proof image ${item.name}`} className="cp-thumb" loading="lazy" />
            <span className="cp-file-name">
              {item.name} · {formatBytes(item.bytes)}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </span>
          </a>
        );
      return (
        <a href={href} target="_blank" rel="noopener noreferrer" className="cp-url">
          {item.name}
          <span className="muted"> · PDF, {formatBytes(item.bytes)}</span>
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      );
    }
    case 'text':
      return <p className="cp-text">{item.text}</p>;
  }
}

/** Every piece of proof in a submission, each with what its pre-check found. */
export function ProofList({
  proof,
  checks,
  projectId,
}: {
  proof: readonly ProofItem[];
  checks: readonly Check[];
  projectId: string;
}) {
  return (
    <ol className="cp-proof-list">
      {proof.map((item, index) => {
        const check = checks.find((c) => c.item === index);
        return (
          <li key={index} className="cp-proof-item">
            <span className="cp-proof-kind">{kindLabel(item)}</span>
            <div className="cp-proof-body">
              <ProofBody item={item} projectId={projectId} />
              {check && <CheckResult status={check.status} detail={check.detail} />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
