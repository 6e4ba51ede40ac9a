import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { ApiError } from '../../../contracts/client.js';
import { importPlan, MAX_PLAN_CHARS, type PlanVersion } from '../../../contracts/plans.contract.js';
import { humanMessage, toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { TextAreaField } from '../fields.js';
import type { PlanDraft } from './draft.js';
import { PlanPreview, planSummary } from './plan-preview.js';
import { localError, StepFrame } from './step-frame.js';
import { useDebounced } from './ui.js';

const ACCEPT = '.md,.markdown,.txt,.json,text/markdown,text/plain,application/json';

const EXAMPLE = `# Launch plan

## Week 1: Sign-in
- [ ] Set up the repository and deploy a hello page (1h)
- [ ] Sign-up and sign-in forms (3h)
- [ ] Password reset by email (2h)

**Checkpoint**: a stranger can sign up on the live site

## Week 2: The core
- [ ] The one screen people come for (4h)
- [ ] Empty, loading and error states (2h)
- [ ] Invite five people to try it (1h)
`;

type Preview =
  | { status: 'idle' }
  | { status: 'checking'; last: PlanVersion | null }
  | { status: 'ready'; version: PlanVersion }
  | { status: 'failed'; message: string; line: number | null; last: PlanVersion | null };

/** A dry run's answer for one text (and file name). */
type Checked = { key: string; version: PlanVersion } | { key: string; message: string; line: number | null };

function lineOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null)
    return null;
  const line = (error.details as { line?: unknown }).line;
  return typeof line === 'number' ? line : null;
}

function lastGood(preview: Preview): PlanVersion | null {
  if (preview.status === 'ready') return preview.version;
  if (preview.status === 'checking' || preview.status === 'failed') return preview.last;
  return null;
}

interface PlanStepProps {
  projectId: string;
  draft: PlanDraft;
  focusOnMount: boolean;
  onChange(draft: PlanDraft): void;
  onBack(): void;
  onDone(version: PlanVersion): void;
}

export function PlanStep({ projectId, draft, focusOnMount, onChange, onBack, onDone }: PlanStepProps) {
  const api = useApi();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileHint = useId();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [lastVersion, setLastVersion] = useState<PlanVersion | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [dragging, setDragging] = useState(false);
  const typed = useDebounced(draft.text, 450);
  const fileName = draft.fileName;
  const key = `${fileName ?? ''}\n${typed}`;

  // The live preview: a dry-run import of what is in the box, once typing pauses.
  useEffect(() => {
    if (!typed.trim()) return;
    let active = true;
    api
      .call(importPlan, {
        params: { projectId },
        body: { text: typed, dryRun: true, ...(fileName ? { fileName } : {}) },
      })
      .then(
        (result) => {
          if (!active) return;
          setChecked({ key, version: result.version });
          setLastVersion(result.version);
        },
        (caught: unknown) => {
          if (active) setChecked({ key, message: humanMessage(caught), line: lineOf(caught) });
        },
      );
    return () => {
      active = false;
    };
  }, [api, projectId, typed, fileName, key]);

  const preview: Preview = !draft.text.trim()
    ? { status: 'idle' }
    : draft.text !== typed || !checked || checked.key !== key
      ? { status: 'checking', last: lastVersion }
      : 'version' in checked
        ? { status: 'ready', version: checked.version }
        : { status: 'failed', message: checked.message, line: checked.line, last: lastVersion };

  const goToLine = (line: number) => {
    const box = textarea.current;
    if (!box) return;
    const lines = box.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    box.focus();
    box.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(box).lineHeight) || 20;
    box.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const readFile = async (file: File) => {
    setFileError(null);
    if (file.size > MAX_PLAN_CHARS * 4) {
      setFileError(`${file.name} is larger than 2 MB. Split the plan, or remove pasted logs and data.`);
      return;
    }
    try {
      const text = await file.text();
      if (text.includes('\u0000')) {
        setFileError(`${file.name} is not a text file. Choose a .md, .json or tasks.md file.`);
        return;
      }
      setError(null);
      onChange({ ...draft, text, fileName: file.name });
    } catch {
      setFileError(`${file.name} could not be read. Try again, or paste its text instead.`);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const text = draft.text;
    if (!text.trim()) {
      if (draft.imported) {
        onDone(draft.imported);
        return;
      }
      setError(localError('Your plan is missing.', { text: 'Paste your plan, or choose a file with it.' }));
      textarea.current?.focus();
      return;
    }
    if (draft.imported && draft.importedText === text) {
      onDone(draft.imported);
      return;
    }
    setError(null);
    setPending(true);
    try {
      const result = await api.call(importPlan, {
        params: { projectId },
        body: {
          text,
          dryRun: false,
          ...(draft.fileName ? { fileName: draft.fileName } : {}),
          ...(draft.imported ? { reason: 'Revised while setting up' } : {}),
        },
      });
      onChange({ ...draft, imported: result.version, importedText: text });
      onDone(result.version);
    } catch (caught) {
      const problem = toFormError(caught, ['text']);
      setError(problem);
      const line = lineOf(caught);
      if (line !== null) goToLine(line);
    } finally {
      setPending(false);
    }
  };

  const shown = lastGood(preview) ?? (draft.text.trim() ? null : draft.imported);
  const status =
    preview.status === 'checking'
      ? 'Checking your plan…'
      : preview.status === 'failed'
        ? 'This plan cannot be read yet.'
        : shown
          ? `Preview: ${planSummary(shown)}.`
          : '';

  return (
    <StepFrame
      title="Your plan"
      lead={
        <>
          Paste the roadmap you already have, or choose its file: Markdown roadmaps with checklists, Task
          Master <code>tasks.json</code>, spec-kit and Kiro <code>tasks.md</code>. The preview updates as you
          type.
        </>
      }
      error={error}
      pending={pending}
      nextLabel={
        draft.imported && draft.importedText === draft.text ? 'Continue' : 'Import plan and continue'
      }
      pendingLabel="Importing…"
      onBack={onBack}
      onSubmit={(event) => void submit(event)}
      focusOnMount={focusOnMount}
      wide
    >
      <div className="plan-grid">
        <div
          className={dragging ? 'plan-editor plan-editor-dragging' : 'plan-editor'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <div className="plan-file-row">
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => fileInput.current?.click()}
              aria-describedby={fileHint}
            >
              Choose a file…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept={ACCEPT}
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              data-testid="plan-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void readFile(file);
                event.target.value = '';
              }}
            />
            <span id={fileHint} className="muted">
              {draft.fileName ? (
                <>
                  From <strong>{draft.fileName}</strong>
                </>
              ) : (
                'or drop it on the box below'
              )}
            </span>
            {!draft.text && (
              <button
                type="button"
                className="link-button"
                onClick={() => onChange({ ...draft, text: EXAMPLE, fileName: 'example-plan.md' })}
              >
                No plan yet? Start from an example
              </button>
            )}
          </div>
          {fileError && (
            <p className="field-error" role="alert">
              {fileError}
            </p>
          )}
          <TextAreaField
            ref={textarea}
            label="Plan text"
            name="text"
            className="plan-text mono"
            value={draft.text}
            rows={16}
            spellCheck={false}
            placeholder={
              draft.imported
                ? 'Your plan is already imported. Paste a new version here to replace it.'
                : '# My roadmap\n\n## Week 1\n- [ ] First task (2h)\n- [ ] Second task (1h)'
            }
            onChange={(event) => {
              setError(null);
              onChange({ ...draft, text: event.target.value });
            }}
            error={error?.fields.text}
          />
        </div>

        <section className="card plan-preview-card" aria-labelledby="plan-preview-heading">
          <div className="plan-preview-head">
            <h3 id="plan-preview-heading">Preview</h3>
            {preview.status === 'checking' && <span className="chip chip-quiet">Updating…</span>}
          </div>
          <p className="visually-hidden" role="status" aria-live="polite">
            {status}
          </p>
          {preview.status === 'failed' && (
            <div className="alert alert-error">
              <p>{preview.message}</p>
              {preview.line !== null && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => goToLine(preview.line ?? 1)}
                >
                  Show line {preview.line}
                </button>
              )}
            </div>
          )}
          {shown ? (
            <div className={preview.status === 'checking' ? 'is-stale' : undefined}>
              {draft.imported && shown === draft.imported && !draft.text.trim() && (
                <p className="notice">Version {draft.imported.number} of your plan is imported.</p>
              )}
              <PlanPreview version={shown} onLine={draft.text.trim() ? goToLine : undefined} />
            </div>
          ) : (
            preview.status !== 'failed' && (
              <p className="empty">
                {preview.status === 'checking'
                  ? 'Reading your plan…'
                  : 'Your tasks, checkpoints and anything that looks off will show here.'}
              </p>
            )
          )}
        </section>
      </div>
    </StepFrame>
  );
}
