import { Link, useParams } from 'react-router';
import { getProjectComprehension } from '../../contracts/comprehension.contract.js';
import { getProject } from '../../contracts/projects.contract.js';
import { LoadError, Loading } from '../components/fields.js';
import { RepositoryComprehension } from '../components/comprehension/repository-comprehension.js';
import { useLiveReload } from '../lib/live.js';
import { useApi } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';
import '../styles/comprehension.css';

function NoRepository() {
  return (
    <div className="card cmp-empty stack-small" data-testid="no-repository">
      <h2>No repository yet</h2>
      <p>Nothing has been measured, because no git repository is connected to this project.</p>
      <ol className="cmp-steps">
        <li>
          In the builder’s clone, run <code>recital repo add</code> to connect it.
        </li>
        <li>
          Then, in the same clone, run <code>recital comprehension</code>: it reads <code>git blame</code> and
          the commits’ AI attribution and sends who understands which lines here.
        </li>
      </ol>
    </div>
  );
}

export function ComprehensionPage() {
  const { projectId = '' } = useParams();
  const api = useApi();
  const params = { projectId };
  const project = useQuery(`project:${projectId}`, () => api.call(getProject, { params }));
  const comprehension = useQuery(`comprehension:${projectId}`, () =>
    api.call(getProjectComprehension, { params }),
  );
  useLiveReload(projectId, comprehension.reload);

  const name = project.data?.name;
  const title = name ? `Code comprehension · ${name} · Recital` : 'Code comprehension · Recital';

  if (comprehension.loading && !comprehension.data) return <Loading label="Loading who understands what…" />;
  if (!comprehension.data) {
    return (
      <div className="stack">
        <title>{title}</title>
        <h1>Code comprehension</h1>
        <LoadError error={comprehension.error} onRetry={comprehension.reload} />
        <p>
          <Link to="/">Back to your workspaces</Link>
        </p>
      </div>
    );
  }

  const { repositories, canRecordWalkthrough } = comprehension.data;

  return (
    <div className="cmp-page stack">
      <title>{title}</title>
      <div className="cmp-header">
        <p className="eyebrow">Code comprehension</p>
        <h1>{name ?? 'Project'}</h1>
        <p className="lead">
          Which code someone understands. A line written with AI counts only once someone explained it (a
          why-note) or reviewed it (a pull request review, a <code>Reviewed-by:</code> trailer, a walkthrough
          with a witness).
        </p>
        {repositories.length > 1 && (
          <nav className="cmp-toc" aria-label="Repositories">
            {repositories.map((repository) => (
              <a key={repository.id} href={`#repo-${repository.id}`}>
                {repository.name}
              </a>
            ))}
          </nav>
        )}
      </div>
      {repositories.length === 0 ? (
        <NoRepository />
      ) : (
        repositories.map((repository) => (
          <RepositoryComprehension
            key={repository.id}
            repository={repository}
            canRecord={canRecordWalkthrough}
            onRecorded={comprehension.reload}
          />
        ))
      )}
    </div>
  );
}
