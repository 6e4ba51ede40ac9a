import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { createWorkspace, WORKSPACE_KINDS, type WorkspaceKind } from '../../contracts/workspaces.contract.js';
import { FormAlert, LoadError, Loading, SubmitButton, TextField } from '../components/fields.js';
import { RoleBadges } from '../components/role-badges.js';
import { capitalize } from '../lib/format.js';
import { useApi, useUser } from '../lib/session.js';
import { text, useFormSubmit } from '../lib/use-form-submit.js';
import { useWorkspaces } from '../lib/workspaces.js';

const KIND_HINTS: Record<WorkspaceKind, string> = {
  solo: 'Your own plans, with witnesses you invite.',
  cohort: 'A group of builders on a shared schedule.',
  team: 'People shipping one product together.',
};

function isKind(value: string): value is WorkspaceKind {
  return (WORKSPACE_KINDS as readonly string[]).includes(value);
}

function WorkspaceList() {
  const { workspaces, error, loading, reload } = useWorkspaces();
  if (loading) return <Loading />;
  if (error || !workspaces) return <LoadError error={error} onRetry={reload} />;
  if (workspaces.length === 0) {
    return (
      <p className="empty">
        No workspaces yet. Create one below, or open an invitation link someone sent you.
      </p>
    );
  }
  return (
    <ul className="list">
      {workspaces.map((workspace) => (
        <li key={workspace.id} className="list-item">
          <div>
            <Link to={`/workspaces/${workspace.id}`} className="list-title">
              {workspace.name}
            </Link>
            <p className="muted">{capitalize(workspace.kind)} workspace</p>
          </div>
          <RoleBadges roles={workspace.myRoles} />
        </li>
      ))}
    </ul>
  );
}

function CreateWorkspaceForm() {
  const api = useApi();
  const { reload, select } = useWorkspaces();
  const navigate = useNavigate();
  const kindHint = useId();
  const form = useFormSubmit(['name', 'kind'], async (data) => {
    const kind = text(data, 'kind');
    const workspace = await api.call(createWorkspace, {
      body: { name: text(data, 'name'), kind: isKind(kind) ? kind : 'solo' },
    });
    select(workspace.id);
    reload();
    await navigate(`/workspaces/${workspace.id}`);
  });

  return (
    <form className="card form" onSubmit={form.onSubmit} aria-labelledby="create-workspace">
      <h2 id="create-workspace">Create a workspace</h2>
      <FormAlert error={form.error} />
      <TextField label="Workspace name" name="name" maxLength={80} error={form.error?.fields.name} />
      <fieldset className="choices" aria-describedby={form.error?.fields.kind ? kindHint : undefined}>
        <legend>Kind</legend>
        {WORKSPACE_KINDS.map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" name="kind" value={kind} defaultChecked={kind === 'solo'} />
            <span>
              <strong>{capitalize(kind)}</strong>
              <span className="muted">{KIND_HINTS[kind]}</span>
            </span>
          </label>
        ))}
        {form.error?.fields.kind && (
          <p id={kindHint} className="field-error">
            {form.error.fields.kind}
          </p>
        )}
      </fieldset>
      <SubmitButton pending={form.pending}>{form.pending ? 'Creating…' : 'Create workspace'}</SubmitButton>
    </form>
  );
}

export function HomePage() {
  const user = useUser();
  return (
    <div className="stack">
      <title>Workspaces · Recital</title>
      <div>
        <h1>Workspaces</h1>
        <p className="lead">Signed in as {user.displayName}.</p>
      </div>
      <section className="card" aria-labelledby="your-workspaces">
        <h2 id="your-workspaces">Your workspaces</h2>
        <WorkspaceList />
      </section>
      <CreateWorkspaceForm />
    </div>
  );
}
