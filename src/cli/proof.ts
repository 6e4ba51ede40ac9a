/** Proof as typed on the command line: what each `--proof` value is, and uploading files first. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type ProofInput,
  MAX_UPLOAD_BYTES,
  type UploadDto,
  uploadProofFile,
} from '../contracts/checkpoints.contract.js';
import { ApiError } from '../contracts/client.js';
import { endpointUrl } from '../contracts/endpoint.js';
import { type CommandContext, type Session } from './context.js';
import { CliError, EXIT_USAGE, NetworkError, explainApiError, networkReason } from './errors.js';
import { sanitize } from './output.js';

/** One `--proof` value as understood: proof to send as it is, or a local file to upload first. */
export type PlannedProof = Exclude<ProofInput, { kind: 'file' }> | { kind: 'upload'; path: string };

/** What is at a path on this machine, if anything. */
export type PathKind = 'file' | 'directory' | undefined;

const SHA = /^[0-9a-f]{7,40}$/i;
const RANGE = /^([0-9a-f]{7,40})\.\.([0-9a-f]{7,40})$/i;
const MAX_SHAS_PER_ITEM = 100;

export const PROOF_FORMS =
  'an http(s) link (a pull request or a live page), a file to upload (PNG, JPEG, GIF, WebP or PDF), ' +
  'a commit sha (7 to 40 hex digits) or a range like 1a2b3c4..5d6e7f8; put words in --text';

/** Whether an http(s) link is a pull request (GitHub, GitLab, Bitbucket) rather than a page. */
export function isPullRequestUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const github = host === 'github.com' || host === 'www.github.com' || host.startsWith('github.');
  if (github && /^\/[^/]+\/[^/]+\/pull\/\d+(\/|$)/.test(url.pathname)) return true;
  if (/\/-\/merge_requests\/\d+(\/|$)/.test(url.pathname)) return true;
  return host === 'bitbucket.org' && /^\/[^/]+\/[^/]+\/pull-requests\/\d+(\/|$)/.test(url.pathname);
}

export function usage(message: string, hint = `give ${PROOF_FORMS}`): CliError {
  return new CliError(message, { hint, exitCode: EXIT_USAGE });
}

function classifyOne(value: string, pathKind: (value: string) => PathKind): PlannedProof | string {
  const trimmed = value.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw usage(`--proof: "${sanitize(value)}" is not a valid link`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw usage(`--proof: only http:// and https:// links can be proof, not "${sanitize(value)}"`);
    return { kind: isPullRequestUrl(url) ? 'pull_request' : 'live_url', url: url.href };
  }
  const range = RANGE.exec(trimmed);
  if (range) return { kind: 'commit_range', from: range[1]!.toLowerCase(), to: range[2]!.toLowerCase() };
  const found = pathKind(value);
  if (found === 'file') return { kind: 'upload', path: value };
  if (found === 'directory') throw usage(`--proof: ${sanitize(value)} is a directory; give a file in it`);
  if (SHA.test(trimmed)) return trimmed.toLowerCase();
  if (/^[0-9a-f]{7,40}\.\.\.[0-9a-f]{7,40}$/i.test(trimmed))
    throw usage(`--proof: "${sanitize(value)}" has three dots; a commit range is written with two (a..b)`);
  if (/[/\\]/.test(trimmed) || /\.[a-z0-9]{1,5}$/i.test(trimmed))
    throw usage(`--proof: no such file: ${sanitize(value)}`);
  throw usage(`--proof: cannot tell what "${sanitize(value)}" is`);
}

/**
 * Classify `--proof` values, in order: http(s) links (pull requests or live pages), commit ranges
 * (`a..b`), existing files (to upload), and commit shas; consecutive shas become one commits item.
 * Anything else is a usage error naming the value and the accepted forms.
 *
 * @example
 * classifyProof(['abc1234', 'def5678', 'https://github.com/o/r/pull/7'], () => undefined);
 * // [{ kind: 'commits', shas: ['abc1234', 'def5678'] }, { kind: 'pull_request', url: '…/pull/7' }]
 */
export function classifyProof(
  values: readonly string[],
  pathKind: (value: string) => PathKind = () => undefined,
): PlannedProof[] {
  const planned: PlannedProof[] = [];
  let shas: string[] | null = null;
  for (const value of values) {
    const item = classifyOne(value, pathKind);
    if (typeof item === 'string') {
      if (shas && shas.length < MAX_SHAS_PER_ITEM) shas.push(item);
      else {
        shas = [item];
        planned.push({ kind: 'commits', shas });
      }
      continue;
    }
    shas = null;
    planned.push(item);
  }
  return planned;
}

export async function pathKindsOf(values: readonly string[], cwd: string): Promise<Map<string, PathKind>> {
  const kinds = new Map<string, PathKind>();
  for (const value of values) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) continue;
    try {
      const info = await stat(path.resolve(cwd, value));
      kinds.set(value, info.isFile() ? 'file' : info.isDirectory() ? 'directory' : undefined);
    } catch {
      kinds.set(value, undefined);
    }
  }
  return kinds;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Upload a proof file as the raw request body; the typed client only speaks JSON. Same server and
 * token as the session, so the token never goes anywhere else.
 */
export async function uploadFile(
  context: CommandContext,
  session: Session,
  projectId: string,
  file: string,
): Promise<UploadDto> {
  const name = path.basename(file);
  const bytes = await readFile(path.resolve(context.deps.cwd, file));
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new CliError(
      `${sanitize(file)} is ${formatBytes(bytes.length)}; a proof file may be at most ${formatBytes(MAX_UPLOAD_BYTES)}`,
      { hint: 'attach a smaller screenshot or a PDF export, or link to it with a URL' },
    );
  if (bytes.length === 0) throw new CliError(`${sanitize(file)} is empty`);
  context.out.note(`uploading ${sanitize(name)} (${formatBytes(bytes.length)})…`);
  const url =
    session.url.replace(/\/$/, '') +
    endpointUrl(uploadProofFile.path, { projectId }) +
    `?name=${encodeURIComponent(name)}`;
  let response: Response;
  try {
    response = await context.deps.fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${session.token}`,
        'content-type': 'application/octet-stream',
      },
      body: bytes,
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    throw new NetworkError(session.url, networkReason(error), error);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Reported below from the status alone.
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const apiError = new ApiError(
      error?.code ?? 'internal.error',
      error?.message ?? `HTTP ${response.status}`,
      response.status,
      error?.details,
    );
    const explained = explainApiError(apiError, { url: session.url });
    throw new CliError(`cannot upload ${sanitize(file)}: ${explained.message}`, {
      cause: apiError,
      ...(explained.hint ? { hint: explained.hint } : {}),
    });
  }
  return json as UploadDto;
}
