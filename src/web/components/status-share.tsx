import { useState } from 'react';
import { type Project, updateProject } from '../../contracts/projects.contract.js';
import { humanMessage } from '../lib/api-errors.js';
import { useSession } from '../lib/session.js';
import { CopyField } from './copy-field.js';

/**
 * Publish or hide a project's public status page. Publishing makes an unguessable link; hiding it
 * and publishing again makes a new one, so an old link stops working.
 */
export function StatusShare({ project, onChange }: { project: Project; onChange(project: Project): void }) {
  const { api } = useSession();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const link = project.publicToken ? `${window.location.origin}/status/${project.publicToken}` : null;

  const set = async (publicStatus: boolean) => {
    setPending(true);
    setError(null);
    try {
      onChange(await api.call(updateProject, { params: { projectId: project.id }, body: { publicStatus } }));
    } catch (caught) {
      setError(humanMessage(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card" aria-labelledby="status-share-title">
      <h2 id="status-share-title">Public status page</h2>
      {link ? (
        <>
          <p>
            Anyone with this link sees what you are building, your progress, the last day you showed up and
            which checkpoints held — no tasks, notes or proof.
          </p>
          <CopyField label="Status page link" value={link} />
          <button
            type="button"
            className="button button-secondary"
            disabled={pending}
            onClick={() => void set(false)}
          >
            Make it private
          </button>
        </>
      ) : (
        <>
          <p>
            Private. Publish it to answer &ldquo;what happened to your project?&rdquo; with a link: progress,
            days shown up, checkpoints hit and missed.
          </p>
          <button type="button" className="button" disabled={pending} onClick={() => void set(true)}>
            Publish the status page
          </button>
        </>
      )}
      <p role="alert" className="field-error">
        {error}
      </p>
    </section>
  );
}
