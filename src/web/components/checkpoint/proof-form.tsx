import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  UPLOAD_MEDIA_TYPES,
  submitCheckpoint,
  type CheckpointDetail,
  type ProofInput,
  type UploadDto,
} from '../../../contracts/checkpoints.contract.js';
import { ApiError } from '../../../contracts/client.js';
import { humanMessage, type FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { FormAlert, SubmitButton, TextField } from '../fields.js';
import { classifyLink, formatBytes, parseCommits, withoutField } from './format.js';
import { TextAreaField } from './textarea-field.js';
import { sizeProblem, uploadFile } from './uploads.js';

interface FileEntry {
  key: number;
  name: string;
  size: number;
  /** The browser's guess, until the server has read the content. */
  type: string;
  /** A data: URL of an image, for the thumbnail (the page's CSP allows data: images, not blob:). */
  preview: string | null;
  status: 'uploading' | 'ready' | 'failed';
  upload: UploadDto | null;
  error: string | null;
}

interface LinkEntry {
  key: number;
  value: string;
}

/** One proof item to send, with the field it came from and how to name it in a message. */
interface Planned {
  input: ProofInput;
  field: string;
  label: string;
}

const LINK_KIND_HINTS = {
  pull_request: 'Pull request: your witness sees the code change.',
  live_url: 'Live page: your witness opens it to try the result.',
} as const;

function readPreview(file: File): Promise<string | null> {
  if (!file.type.startsWith('image/')) return Promise.resolve(null);
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

function isPdf(entry: FileEntry): boolean {
  return (entry.upload?.mediaType ?? entry.type) === 'application/pdf';
}

/** `proof[2].url` and `body.proof.2.url` both point at item 2. */
function itemIndex(path: string): number | null {
  const match = /proof(?:\[(\d+)\]|\.(\d+))/.exec(path);
  return match ? Number(match[1] ?? match[2]) : null;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Place the server's refusal beside the field that caused it: it names items by position
 * (`proof[1].url: …`), which the form knows as "Link 2" or "Commits".
 */
function placeError(error: unknown, planned: readonly Planned[]): FormError {
  const result: FormError = { message: humanMessage(error), fields: {}, other: [] };
  if (!(error instanceof ApiError)) return result;
  const details = (error.details ?? {}) as { issues?: unknown; field?: unknown };
  const issues: { path: string; message: string }[] = Array.isArray(details.issues)
    ? details.issues.flatMap((issue: unknown) => {
        const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
        return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
      })
    : [];
  if (issues.length === 0 && typeof details.field === 'string')
    issues.push({ path: details.field, message: error.message.replace(`${details.field}: `, '') });
  for (const issue of issues) {
    const index = itemIndex(issue.path);
    const item = index === null ? undefined : planned[index];
    if (item && !result.fields[item.field]) result.fields[item.field] = sentence(issue.message);
    else if (issue.path.endsWith('note')) result.fields.note = sentence(issue.message);
    else result.other.push(sentence(issue.message));
  }
  if (Object.keys(result.fields).length > 0) result.message = 'Some proof needs attention.';
  else if (result.other.length > 0) result.message = 'The proof could not be sent:';
  else
    result.message = result.message.replace(
      /(?:body\.)?proof(?:\[(\d+)\]|\.(\d+))(?:\.[\w[\]]+)*/g,
      (whole, a?: string, b?: string) => planned[Number(a ?? b)]?.label ?? whole,
    );
  return result;
}

interface ProofFormProps {
  projectId: string;
  checkpointId: string;
  /** After a rejection, the form asks for new proof. */
  resubmission: boolean;
  onSubmitted(detail: CheckpointDetail): void;
}

/**
 * The builder's proof: links (a pull request or a live page, told apart by the URL), commits or a range,
 * files uploaded as soon as they are chosen (images previewed, PDFs listed), written proof and a note.
 */
export function ProofForm({ projectId, checkpointId, resubmission, onSubmitted }: ProofFormProps) {
  const api = useApi();
  const id = useId();
  const nextKey = useRef(1);
  const [links, setLinks] = useState<LinkEntry[]>([{ key: 0, value: '' }]);
  const [commits, setCommits] = useState('');
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const key = () => nextKey.current++;
  const updateFile = (fileKey: number, change: Partial<FileEntry>) =>
    setFiles((current) => current.map((entry) => (entry.key === fileKey ? { ...entry, ...change } : entry)));

  const addFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = ''; // choosing the same file again after removing it still fires a change
    if (chosen.length === 0) return;
    setAnnouncement(
      chosen.length === 1 ? `Uploading ${chosen[0]!.name}…` : `Uploading ${chosen.length} files…`,
    );
    for (const file of chosen) {
      const entry: FileEntry = {
        key: key(),
        name: file.name,
        size: file.size,
        type: file.type,
        preview: null,
        status: 'uploading',
        upload: null,
        error: null,
      };
      const problem = sizeProblem(file);
      if (problem) {
        setFiles((current) => [...current, { ...entry, status: 'failed', error: problem }]);
        setAnnouncement(problem);
        continue;
      }
      setFiles((current) => [...current, entry]);
      void readPreview(file).then((preview) => preview && updateFile(entry.key, { preview }));
      uploadFile(api, projectId, file).then(
        (upload) => {
          updateFile(entry.key, { status: 'ready', upload, type: upload.mediaType });
          setAnnouncement(`${file.name} uploaded.`);
        },
        (caught: unknown) => {
          const message = humanMessage(caught);
          updateFile(entry.key, { status: 'failed', error: message, preview: null });
          setAnnouncement(`${file.name} was not uploaded: ${message}`);
        },
      );
    }
  };

  const removeFile = (entry: FileEntry) => {
    setFiles((current) => current.filter((f) => f.key !== entry.key));
    setAnnouncement(`${entry.name} removed.`);
    fileInput.current?.focus();
  };

  const plan = (): { planned: Planned[]; fields: FormError['fields'] } => {
    const planned: Planned[] = [];
    const fields: FormError['fields'] = {};
    links.forEach((link, index) => {
      const found = classifyLink(link.value);
      const field = `link-${link.key}`;
      if (found.kind === 'invalid') fields[field] = found.message;
      else if (found.kind !== 'empty')
        planned.push({ input: { kind: found.kind, url: found.url }, field, label: `Link ${index + 1}` });
    });
    if (commits.trim()) {
      const parsed = parseCommits(commits);
      if ('error' in parsed) fields.commits = parsed.error;
      else for (const item of parsed.items) planned.push({ input: item, field: 'commits', label: 'Commits' });
    }
    for (const entry of files)
      if (entry.status === 'ready' && entry.upload)
        planned.push({
          input: { kind: 'file', uploadId: entry.upload.id },
          field: 'files',
          label: `File ${entry.name}`,
        });
    if (text.trim())
      planned.push({ input: { kind: 'text', text: text.trim() }, field: 'text', label: 'Written proof' });
    return { planned, fields };
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (files.some((entry) => entry.status === 'uploading')) {
      setError({ message: 'Wait until every file has finished uploading.', fields: {}, other: [] });
      return;
    }
    const { planned, fields } = plan();
    if (Object.keys(fields).length > 0) {
      setError({ message: 'Some proof needs attention.', fields, other: [] });
      return;
    }
    if (planned.length === 0) {
      setError({
        message: 'Give at least one piece of proof: a link, commits, a file or a written description.',
        fields: {},
        other: [],
      });
      return;
    }
    if (planned.length > 20) {
      setError({ message: 'Give at most 20 pieces of proof in one submission.', fields: {}, other: [] });
      return;
    }
    setPending(true);
    setError(null);
    api
      .call(submitCheckpoint, {
        params: { projectId, checkpointId },
        body: { proof: planned.map((p) => p.input), note: note.trim() },
      })
      .then((detail) => {
        setPending(false);
        onSubmitted(detail);
      })
      .catch((caught: unknown) => {
        setPending(false);
        setError(placeError(caught, planned));
      });
  };

  const uploading = files.some((entry) => entry.status === 'uploading');
  const headingId = `${id}-heading`;
  return (
    <form className="card form cp-proof-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <div>
        <h2 id={headingId}>{resubmission ? 'Submit new proof' : 'Submit proof'}</h2>
        <p className="muted">
          Give your witness what they need to check each criterion. Links are checked before they look.
        </p>
      </div>
      <FormAlert error={error} />

      <fieldset className="cp-fieldset">
        <legend>Links</legend>
        {links.map((link, index) => {
          const found = classifyLink(link.value);
          const hint =
            found.kind === 'pull_request' || found.kind === 'live_url'
              ? LINK_KIND_HINTS[found.kind]
              : 'A pull request (GitHub, GitLab, Bitbucket) or the live page.';
          return (
            <div key={link.key} className="cp-link-row">
              <TextField
                label={`Link ${index + 1}`}
                name={`link-${link.key}`}
                type="url"
                inputMode="url"
                autoComplete="url"
                placeholder="https://"
                required={false}
                maxLength={2048}
                value={link.value}
                onChange={(event) => {
                  setLinks((current) =>
                    current.map((l) => (l.key === link.key ? { ...l, value: event.target.value } : l)),
                  );
                  setError((e) => withoutField(e, `link-${link.key}`));
                }}
                hint={hint}
                error={error?.fields[`link-${link.key}`]}
              />
              {links.length > 1 && (
                <button
                  type="button"
                  className="button button-secondary button-small cp-remove"
                  aria-label={`Remove link ${index + 1}`}
                  onClick={() => setLinks((current) => current.filter((l) => l.key !== link.key))}
                >
                  Remove
                </button>
              )}
            </div>
          );
        })}
        <div>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setLinks((current) => [...current, { key: key(), value: '' }])}
            disabled={links.length >= 10}
          >
            Add another link
          </button>
        </div>
      </fieldset>

      <TextField
        label="Commits"
        name="commits"
        required={false}
        autoComplete="off"
        spellCheck={false}
        placeholder="a1b2c3d e4f5a6b or a1b2c3d..e4f5a6b"
        value={commits}
        onChange={(event) => {
          setCommits(event.target.value);
          setError((e) => withoutField(e, 'commits'));
        }}
        hint="SHAs separated by spaces or commas, or a range written a..b."
        error={error?.fields.commits}
      />

      <div className={error?.fields.files ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-files`}>
          Files<span className="field-optional"> (optional)</span>
        </label>
        <input
          ref={fileInput}
          id={`${id}-files`}
          type="file"
          multiple
          accept={UPLOAD_MEDIA_TYPES.join(',')}
          className="cp-file-input"
          aria-describedby={`${id}-files-hint${error?.fields.files ? ` ${id}-files-error` : ''}`}
          onChange={addFiles}
        />
        <p id={`${id}-files-hint`} className="field-hint">
          Screenshots (PNG, JPEG, GIF, WebP) or PDFs, up to 10 MB each. Each file uploads as soon as you
          choose it.
        </p>
        {error?.fields.files && (
          <p id={`${id}-files-error`} className="field-error">
            {error.fields.files}
          </p>
        )}
        {files.length > 0 && (
          <ul className="cp-uploads" aria-label="Chosen files">
            {files.map((entry) => (
              <li key={entry.key} className={`cp-upload cp-upload-${entry.status}`}>
                {entry.preview && !isPdf(entry) ? (
                  <img src={entry.preview} alt={`Preview of ${entry.name}`} className="cp-upload-thumb" />
                ) : (
                  <span className="cp-upload-icon" aria-hidden="true">
                    {isPdf(entry) ? 'PDF' : 'FILE'}
                  </span>
                )}
                <div className="cp-upload-text">
                  <p className="cp-file-name">{entry.name}</p>
                  <p className="muted">
                    {isPdf(entry) ? 'PDF' : entry.type.startsWith('image/') ? 'Image' : 'File'},{' '}
                    {formatBytes(entry.upload?.bytes ?? entry.size)} ·{' '}
                    {entry.status === 'uploading'
                      ? 'Uploading…'
                      : entry.status === 'ready'
                        ? 'Uploaded'
                        : 'Not uploaded'}
                  </p>
                  {entry.error && <p className="field-error">{entry.error}</p>}
                </div>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={`Remove ${entry.name}`}
                  onClick={() => removeFile(entry)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <TextAreaField
        label="Written proof"
        name="text"
        maxLength={10_000}
        rows={4}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setError((e) => withoutField(e, 'text'));
        }}
        hint="What you did and how to see it, when a link or a file cannot show it."
        error={error?.fields.text}
      />
      <TextAreaField
        label="Note to your witness"
        name="note"
        maxLength={2000}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          setError((e) => withoutField(e, 'note'));
        }}
        hint="Anything they should know while reviewing."
        error={error?.fields.note}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="actions">
        <SubmitButton pending={pending || uploading}>
          {pending ? 'Submitting…' : uploading ? 'Uploading files…' : 'Submit proof'}
        </SubmitButton>
      </div>
    </form>
  );
}
