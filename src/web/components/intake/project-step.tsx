import { useRef, useState, type FormEvent } from 'react';
import { createProject, updateProject, type Project } from '../../../contracts/projects.contract.js';
import { createWorkspace } from '../../../contracts/workspaces.contract.js';
import { toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi, useUser } from '../../lib/session.js';
import { useWorkspaces } from '../../lib/workspaces.js';
import { LoadError, Loading, TextAreaField } from '../fields.js';
import { localError, StepFrame } from './step-frame.js';
import { focusFirstInvalid, InputField, Frame } from './ui.js';

const NEW_WORKSPACE = '__new__';

interface ProjectStepProps {
  project: Project | null;
  focusOnMount: boolean;
  onDone(project: Project): void;
}

export function ProjectStep({ project, focusOnMount, onDone }: ProjectStepProps) {
  const api = useApi();
  const user = useUser();
  const { workspaces, selected, loading, error: loadError, reload, select } = useWorkspaces();
  const root = useRef<HTMLDivElement>(null);
  const eligible = (workspaces ?? []).filter(
    (workspace) => workspace.myRoles.includes('builder') || workspace.myRoles.includes('organizer'),
  );
  const initialWorkspace =
    project?.workspaceId ??
    (selected && eligible.some((w) => w.id === selected.id) ? selected.id : eligible[0]?.id) ??
    NEW_WORKSPACE;
  const [workspaceId, setWorkspaceId] = useState<string | null>(null);
  const chosen = workspaceId ?? initialWorkspace;
  const [workspaceName, setWorkspaceName] = useState(`${user.displayName.split(' ')[0] ?? 'My'}'s builds`);
  const [name, setName] = useState(project?.name ?? '');
  const [summary, setSummary] = useState(project?.summary ?? '');
  const [audience, setAudience] = useState(project?.audience ?? '');
  const [error, setError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);

  if (loading) return <Loading label="Loading your workspaces…" />;
  if (loadError || !workspaces) return <LoadError error={loadError} onRetry={reload} />;

  const creatingWorkspace = chosen === NEW_WORKSPACE;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const fields: Partial<Record<string, string>> = {};
    if (!project && creatingWorkspace && !workspaceName.trim())
      fields.workspaceName = 'Give the new workspace a name.';
    if (!name.trim()) fields.name = 'Give your project a name, even a working title.';
    if (!summary.trim()) fields.summary = 'Say in a sentence or two what you are building.';
    if (!audience.trim()) fields.audience = 'Say who it is for: the people who will use it.';
    if (Object.keys(fields).length > 0) {
      setError(localError('A few answers are missing.', fields));
      requestAnimationFrame(() => focusFirstInvalid(root.current));
      return;
    }
    setError(null);
    setPending(true);
    try {
      const body = { name: name.trim(), summary: summary.trim(), audience: audience.trim() };
      if (project) {
        const unchanged =
          body.name === project.name &&
          body.summary === project.summary &&
          body.audience === project.audience;
        onDone(
          unchanged ? project : await api.call(updateProject, { params: { projectId: project.id }, body }),
        );
        return;
      }
      let target = chosen;
      if (creatingWorkspace) {
        try {
          const workspace = await api.call(createWorkspace, {
            body: { name: workspaceName.trim(), kind: 'solo' },
          });
          target = workspace.id;
          setWorkspaceId(workspace.id);
          select(workspace.id);
          reload();
        } catch (caught) {
          const problem = toFormError(caught, []);
          setError({ ...problem, fields: { workspaceName: problem.message } });
          return;
        }
      }
      onDone(await api.call(createProject, { params: { workspaceId: target }, body }));
    } catch (caught) {
      setError(toFormError(caught, ['name', 'summary', 'audience']));
      requestAnimationFrame(() => focusFirstInvalid(root.current));
    } finally {
      setPending(false);
    }
  };

  return (
    <StepFrame
      title="What are you building, and for whom?"
      lead="A few words are enough. Your witness reads them, and they keep you honest about why you started."
      error={error}
      pending={pending}
      nextLabel={project ? 'Save and continue' : 'Create project and continue'}
      pendingLabel={project ? 'Saving…' : 'Creating…'}
      onSubmit={(event) => void submit(event)}
      focusOnMount={focusOnMount}
    >
      <div className="stack-small" ref={root}>
        <div className="form-row">
          <Frame
            label="Workspace"
            hint={
              project
                ? 'A project stays in the workspace it was created in.'
                : creatingWorkspace && eligible.length === 0
                  ? 'You are not in a workspace yet; a personal one is created for you.'
                  : 'Where your witness and organizers can see it.'
            }
          >
            {({ id, describedBy }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                value={chosen}
                disabled={project !== null}
                onChange={(event) => setWorkspaceId(event.target.value)}
              >
                {eligible.map((workspace) => (
                  <option key={workspace.id} value={workspace.id}>
                    {workspace.name}
                  </option>
                ))}
                <option value={NEW_WORKSPACE}>New personal workspace…</option>
              </select>
            )}
          </Frame>
          {!project && creatingWorkspace && (
            <InputField
              label="New workspace name"
              name="workspaceName"
              value={workspaceName}
              maxLength={80}
              autoComplete="off"
              onChange={(event) => setWorkspaceName(event.target.value)}
              error={error?.fields.workspaceName}
            />
          )}
        </div>
        <InputField
          label="Project name"
          name="name"
          value={name}
          maxLength={120}
          autoComplete="off"
          placeholder="Vet clinic booking app"
          onChange={(event) => setName(event.target.value)}
          error={error?.fields.name}
        />
        <TextAreaField
          label="What you are building"
          name="summary"
          value={summary}
          maxLength={500}
          rows={3}
          placeholder="A web app where pet owners find a nearby clinic and book a visit in two taps."
          hint={`${summary.length}/500 characters`}
          onChange={(event) => setSummary(event.target.value)}
          error={error?.fields.summary}
        />
        <InputField
          label="Who it is for"
          name="audience"
          value={audience}
          maxLength={200}
          autoComplete="off"
          placeholder="Pet owners in Lisbon, and the clinics that treat their pets"
          onChange={(event) => setAudience(event.target.value)}
          error={error?.fields.audience}
        />
      </div>
    </StepFrame>
  );
}
