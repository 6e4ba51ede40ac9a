import { getSession } from '../../../contracts/auth.contract.js';
import {
  MAX_UPLOAD_BYTES,
  UPLOAD_DOWNLOAD_PATH,
  uploadProofFile,
  type UploadDto,
} from '../../../contracts/checkpoints.contract.js';
import { ApiError, type ApiClient } from '../../../contracts/client.js';
import { endpointUrl } from '../../../contracts/endpoint.js';
import { formatBytes } from './format.js';

const tokens = new WeakMap<ApiClient, Promise<string>>();

/**
 * The CSRF token to send as `X-CSRF-Token` on a write the typed client cannot make (a raw file body).
 * session.tsx keeps its copy private; the session endpoint answers the same token (it is derived from
 * the session), so it is asked once per client and asked again only after the server refuses it.
 */
export function csrfToken(api: ApiClient, fresh = false): Promise<string> {
  const known = tokens.get(api);
  if (known && !fresh) return known;
  const asked = api.call(getSession, {}).then((info) => info.csrfToken);
  asked.catch(() => tokens.delete(api));
  tokens.set(api, asked);
  return asked;
}

/** Where an uploaded file can be viewed (same origin, with the session cookie). */
export function uploadUrl(projectId: string, uploadId: string): string {
  return endpointUrl(UPLOAD_DOWNLOAD_PATH, { projectId, uploadId });
}

/** Refuse a file the server would refuse for its size, before sending 10 MB for nothing. */
export function sizeProblem(file: File): string | null {
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_UPLOAD_BYTES)
    return `“${file.name}” is ${formatBytes(file.size)}; a proof file may be at most ${formatBytes(MAX_UPLOAD_BYTES)}. Attach a smaller screenshot or a PDF export, or link to it.`;
  return null;
}

/**
 * Upload one proof file as the raw request body. The server reads the type from the content; its
 * refusals (413 too large, 415 not an image or PDF) arrive as an {@link ApiError} with a sentence.
 */
export async function uploadFile(api: ApiClient, projectId: string, file: File): Promise<UploadDto> {
  try {
    return await send(await csrfToken(api), projectId, file);
  } catch (error) {
    // A session renewed elsewhere in the tab has a new token: ask for it once and try again.
    if (!(error instanceof ApiError && error.code === 'auth.csrf_failed')) throw error;
    return send(await csrfToken(api, true), projectId, file);
  }
}

async function send(token: string, projectId: string, file: File): Promise<UploadDto> {
  const url = `${endpointUrl(uploadProofFile.path, { projectId })}?name=${encodeURIComponent(file.name)}`;
  const response = await fetch(url, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'x-csrf-token': token, accept: 'application/json' },
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null; // a proxy's HTML error page, say: the status decides the message
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    if (response.status === 413)
      throw new ApiError(
        error?.code ?? 'uploads.too_large',
        `“${file.name}” is too large: a proof file may be at most ${formatBytes(MAX_UPLOAD_BYTES)}.`,
        413,
      );
    throw new ApiError(
      error?.code ?? 'internal.error',
      error?.message ?? `The upload of “${file.name}” failed.`,
      response.status,
      error?.details,
    );
  }
  if (!json)
    throw new ApiError('internal.error', `The upload of “${file.name}” got no answer.`, response.status);
  return json as UploadDto;
}
