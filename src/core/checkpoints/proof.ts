/**
 * Proof validation: the shapes a builder may submit. Each problem is reported with its path, so a
 * form or the CLI can point at the exact item.
 */
import type { ProofItem } from './checkpoint.model.js';

export const PROOF_LIMITS = {
  maxItems: 20,
  maxShasPerItem: 100,
  maxUrlLength: 2048,
  maxTextLength: 10_000,
  maxNoteLength: 2_000,
  maxFileBytes: 100 * 1024 * 1024,
  maxFileNameLength: 255,
  maxFileIdLength: 200,
} as const;

export interface ProofIssue {
  path: string;
  message: string;
}

const SHA = /^[0-9a-f]{7,40}$/i;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
// Control characters and path separators have no place in a display name.
// eslint-disable-next-line no-control-regex
const BAD_FILE_NAME = /[\u0000-\u001f\u007f/\\]/;

function shaIssue(sha: unknown, path: string): ProofIssue[] {
  return typeof sha === 'string' && SHA.test(sha)
    ? []
    : [{ path, message: `"${String(sha)}" is not a commit sha (7 to 40 hexadecimal characters)` }];
}

/** Only http(s), with a host and no embedded credentials: a `javascript:` link must never reach a page. */
export function urlIssue(url: unknown, path: string): ProofIssue[] {
  if (typeof url !== 'string' || url.length === 0) return [{ path, message: 'a URL is required' }];
  if (url.length > PROOF_LIMITS.maxUrlLength) {
    return [{ path, message: `the URL is longer than ${PROOF_LIMITS.maxUrlLength} characters` }];
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ path, message: `"${url}" is not a URL` }];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return [{ path, message: `only http and https links are accepted, not "${parsed.protocol}"` }];
  }
  if (!parsed.hostname) return [{ path, message: 'the URL has no host' }];
  if (parsed.username || parsed.password) {
    return [{ path, message: 'the URL must not contain a user name or password' }];
  }
  return [];
}

function textIssue(text: unknown, path: string, max: number, required: boolean): ProofIssue[] {
  if (typeof text !== 'string') return [{ path, message: 'text is required' }];
  if (required && text.trim().length === 0) return [{ path, message: 'the text is empty' }];
  if (text.length > max) return [{ path, message: `the text is longer than ${max} characters` }];
  return [];
}

function itemIssues(item: ProofItem, path: string): ProofIssue[] {
  switch (item.kind) {
    case 'commits':
      if (!Array.isArray(item.shas) || item.shas.length === 0) {
        return [{ path: `${path}.shas`, message: 'list at least one commit' }];
      }
      if (item.shas.length > PROOF_LIMITS.maxShasPerItem) {
        return [{ path: `${path}.shas`, message: `at most ${PROOF_LIMITS.maxShasPerItem} commits per item` }];
      }
      return item.shas.flatMap((sha, i) => shaIssue(sha, `${path}.shas[${i}]`));
    case 'commit_range':
      return [...shaIssue(item.from, `${path}.from`), ...shaIssue(item.to, `${path}.to`)];
    case 'pull_request':
    case 'live_url':
      return urlIssue(item.url, `${path}.url`);
    case 'file':
      return fileIssues(item, path);
    case 'text':
      return textIssue(item.text, `${path}.text`, PROOF_LIMITS.maxTextLength, true);
    default:
      return [
        { path: `${path}.kind`, message: `unknown proof kind "${String((item as { kind: unknown }).kind)}"` },
      ];
  }
}

function fileIssues(item: Extract<ProofItem, { kind: 'file' }>, path: string): ProofIssue[] {
  const issues: ProofIssue[] = [];
  if (typeof item.fileId !== 'string' || !item.fileId || item.fileId.length > PROOF_LIMITS.maxFileIdLength) {
    issues.push({ path: `${path}.fileId`, message: 'a file id is required' });
  }
  if (typeof item.mediaType !== 'string' || !MEDIA_TYPE.test(item.mediaType)) {
    issues.push({ path: `${path}.mediaType`, message: `"${String(item.mediaType)}" is not a media type` });
  }
  if (!Number.isSafeInteger(item.bytes) || item.bytes <= 0 || item.bytes > PROOF_LIMITS.maxFileBytes) {
    issues.push({
      path: `${path}.bytes`,
      message: `the size must be 1 to ${PROOF_LIMITS.maxFileBytes} bytes`,
    });
  }
  const name = item.name;
  if (typeof name !== 'string' || !name.trim() || name.length > PROOF_LIMITS.maxFileNameLength) {
    issues.push({
      path: `${path}.name`,
      message: `a file name of 1 to ${PROOF_LIMITS.maxFileNameLength} characters is required`,
    });
  } else if (BAD_FILE_NAME.test(name)) {
    issues.push({
      path: `${path}.name`,
      message: 'the file name must not contain slashes or control characters',
    });
  }
  return issues;
}

/**
 * Every problem with a submission's proof and note; empty when it is acceptable.
 *
 * @example proofIssues([{ kind: 'live_url', url: 'javascript:alert(1)' }], '')
 * // [{ path: 'proof[0].url', message: 'only http and https links are accepted, not "javascript:"' }]
 */
export function proofIssues(proof: readonly ProofItem[], note: string): ProofIssue[] {
  const issues: ProofIssue[] = [];
  if (!Array.isArray(proof) || proof.length === 0) {
    issues.push({ path: 'proof', message: 'at least one proof item is required' });
  } else if (proof.length > PROOF_LIMITS.maxItems) {
    issues.push({ path: 'proof', message: `at most ${PROOF_LIMITS.maxItems} proof items` });
  } else {
    proof.forEach((item, i) => issues.push(...itemIssues(item, `proof[${i}]`)));
  }
  issues.push(...textIssue(note, 'note', PROOF_LIMITS.maxNoteLength, false));
  return issues;
}
