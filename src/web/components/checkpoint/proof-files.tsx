import { useId, useRef, useState, type ChangeEvent } from 'react';
import { UPLOAD_MEDIA_TYPES, type UploadDto } from '../../../contracts/checkpoints.contract.js';
import { humanMessage } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { formatBytes } from './format.js';
import { sizeProblem, uploadFile } from './uploads.js';

export interface FileEntry {
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

export interface ProofFilesState {
  files: FileEntry[];
  uploading: boolean;
  add(event: ChangeEvent<HTMLInputElement>): void;
  remove(entry: FileEntry): void;
}

/**
 * Files chosen as proof, each uploaded as soon as it is chosen (too large ones refused before sending);
 * progress and outcomes are passed to `announce` for the form's live region.
 */
export function useProofFiles(projectId: string, announce: (message: string) => void): ProofFilesState {
  const api = useApi();
  const nextKey = useRef(0);
  const [files, setFiles] = useState<FileEntry[]>([]);
  const update = (fileKey: number, change: Partial<FileEntry>) =>
    setFiles((current) => current.map((entry) => (entry.key === fileKey ? { ...entry, ...change } : entry)));

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = ''; // choosing the same file again after removing it still fires a change
    if (chosen.length === 0) return;
    announce(chosen.length === 1 ? `Uploading ${chosen[0]!.name}…` : `Uploading ${chosen.length} files…`);
    for (const file of chosen) {
      const entry: FileEntry = {
        key: nextKey.current++,
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
        announce(problem);
        continue;
      }
      setFiles((current) => [...current, entry]);
      void readPreview(file).then((preview) => preview && update(entry.key, { preview }));
      uploadFile(api, projectId, file).then(
        (upload) => {
          update(entry.key, { status: 'ready', upload, type: upload.mediaType });
          announce(`${file.name} uploaded.`);
        },
        (caught: unknown) => {
          const message = humanMessage(caught);
          update(entry.key, { status: 'failed', error: message, preview: null });
          announce(`${file.name} was not uploaded: ${message}`);
        },
      );
    }
  };

  const remove = (entry: FileEntry) => {
    setFiles((current) => current.filter((f) => f.key !== entry.key));
    announce(`${entry.name} removed.`);
  };

  return { files, uploading: files.some((entry) => entry.status === 'uploading'), add, remove };
}

function statusText(entry: FileEntry): string {
  const kind = isPdf(entry) ? 'PDF' : entry.type.startsWith('image/') ? 'Image' : 'File';
  const state =
    entry.status === 'uploading' ? 'Uploading…' : entry.status === 'ready' ? 'Uploaded' : 'Not uploaded';
  return `${kind}, ${formatBytes(entry.upload?.bytes ?? entry.size)} · ${state}`;
}

/** The file picker and the chosen files: thumbnails for images, a PDF badge, status and a way to remove. */
export function ProofFiles({ state, error }: { state: ProofFilesState; error: string | undefined }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { files } = state;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={`${id}-files`}>
        Files<span className="field-optional"> (optional)</span>
      </label>
      <input
        ref={input}
        id={`${id}-files`}
        type="file"
        multiple
        accept={UPLOAD_MEDIA_TYPES.join(',')}
        className="cp-file-input"
        aria-describedby={`${id}-files-hint${error ? ` ${id}-files-error` : ''}`}
        onChange={state.add}
      />
      <p id={`${id}-files-hint`} className="field-hint">
        Screenshots (PNG, JPEG, GIF, WebP) or PDFs, up to 10 MB each. Each file uploads as soon as you choose
        it.
      </p>
      {error && (
        <p id={`${id}-files-error`} className="field-error">
          {error}
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
                <p className="muted">{statusText(entry)}</p>
                {entry.error && <p className="field-error">{entry.error}</p>}
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={`Remove ${entry.name}`}
                onClick={() => {
                  state.remove(entry);
                  input.current?.focus();
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
