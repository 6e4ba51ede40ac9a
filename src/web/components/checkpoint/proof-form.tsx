import { useId, useState, type FormEvent } from 'react';
import { submitCheckpoint, type CheckpointDetail } from '../../../contracts/checkpoints.contract.js';
import type { FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { FormAlert, SubmitButton, TextAreaField, TextField } from '../fields.js';
import { classifyLink, parseCommits, withoutField } from './format.js';
import { placeError, type Planned } from './proof-errors.js';
import { ProofFiles, useProofFiles, type FileEntry } from './proof-files.js';
import { ProofLinks, type LinkEntry } from './proof-links.js';

const MAX_ITEMS = 20;

/** The proof items the fields hold, in the order they are sent, and the fields that cannot be read. */
function planProof(input: {
  links: readonly LinkEntry[];
  commits: string;
  files: readonly FileEntry[];
  text: string;
}): { planned: Planned[]; fields: FormError['fields'] } {
  const planned: Planned[] = [];
  const fields: FormError['fields'] = {};
  input.links.forEach((link, index) => {
    const found = classifyLink(link.value);
    const field = `link-${link.key}`;
    if (found.kind === 'invalid') fields[field] = found.message;
    else if (found.kind !== 'empty')
      planned.push({ input: { kind: found.kind, url: found.url }, field, label: `Link ${index + 1}` });
  });
  if (input.commits.trim()) {
    const parsed = parseCommits(input.commits);
    if ('error' in parsed) fields.commits = parsed.error;
    else for (const item of parsed.items) planned.push({ input: item, field: 'commits', label: 'Commits' });
  }
  for (const entry of input.files)
    if (entry.status === 'ready' && entry.upload)
      planned.push({
        input: { kind: 'file', uploadId: entry.upload.id },
        field: 'files',
        label: `File ${entry.name}`,
      });
  if (input.text.trim())
    planned.push({ input: { kind: 'text', text: input.text.trim() }, field: 'text', label: 'Written proof' });
  return { planned, fields };
}

/** Why the proof cannot be sent as it stands, before asking the server; null when it can. */
function localProblem(files: readonly FileEntry[], planned: Planned[], fields: FormError['fields']) {
  const problem = (message: string): FormError => ({ message, fields: {}, other: [] });
  if (files.some((entry) => entry.status === 'uploading'))
    return problem('Wait until every file has finished uploading.');
  if (Object.keys(fields).length > 0) return { message: 'Some proof needs attention.', fields, other: [] };
  if (planned.length === 0)
    return problem('Give at least one piece of proof: a link, commits, a file or a written description.');
  if (planned.length > MAX_ITEMS)
    return problem(`Give at most ${MAX_ITEMS} pieces of proof in one submission.`);
  return null;
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
  const [links, setLinks] = useState<LinkEntry[]>([{ key: 0, value: '' }]);
  const [commits, setCommits] = useState('');
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const files = useProofFiles(projectId, setAnnouncement);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const { planned, fields } = planProof({ links, commits, files: files.files, text });
    const problem = localProblem(files.files, planned, fields);
    if (problem) {
      setError(problem);
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
      <ProofLinks links={links} setLinks={setLinks} error={error} setError={setError} />
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
      <ProofFiles state={files} error={error?.fields.files} />
      <TextAreaField
        label="Written proof"
        name="text"
        required={false}
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
        required={false}
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
        <SubmitButton pending={pending || files.uploading}>
          {pending ? 'Submitting…' : files.uploading ? 'Uploading files…' : 'Submit proof'}
        </SubmitButton>
      </div>
    </form>
  );
}
