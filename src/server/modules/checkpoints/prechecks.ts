import http from 'node:http';
import https from 'node:https';
import type { ProofItem } from '../../../core/checkpoints/checkpoint.model.js';
import { AppError } from '../../shared/errors.js';
import { checkOutboundUrl, pinnedLookup, type OutboundAllowList } from '../../shared/outbound-url.js';

export interface ProofCheck {
  item: number;
  kind: string;
  status: 'passed' | 'failed' | 'skipped';
  detail: string;
}

export interface PrecheckOptions {
  allow: OutboundAllowList;
  timeoutMs: number;
  /** Instead of DNS (tests). */
  resolve?: (hostname: string) => Promise<string[]>;
}

/** Status code of a HEAD (or, when HEAD is not allowed, a GET) to a vetted URL; redirects are not followed. */
function probe(url: URL, addresses: readonly string[], method: 'HEAD' | 'GET', timeoutMs: number) {
  return new Promise<number>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method,
        lookup: pinnedLookup(addresses),
        timeout: timeoutMs,
        headers: { 'user-agent': 'Recital-ProofCheck/1', accept: '*/*' },
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on('error', reject);
    request.end();
  });
}

/**
 * Whether a URL answers. A URL into a private network is refused outright (the whole submission
 * is), since nobody outside could see it either; anything else that does not answer is a failed
 * check for the witness to weigh, not a refusal.
 */
async function urlAnswers(url: string, path: string, options: PrecheckOptions) {
  const vetted = await checkOutboundUrl(url, {
    allow: options.allow,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  if (!vetted.ok) {
    if (vetted.code === 'url.unresolvable') return { status: 'failed' as const, detail: vetted.message };
    throw new AppError('url.refused', {
      message: `${path}: ${vetted.message}`,
      details: { field: path, code: vetted.code },
    });
  }
  const started = performance.now();
  try {
    let status = await probe(vetted.url, vetted.addresses, 'HEAD', options.timeoutMs);
    if (status === 405 || status === 501)
      status = await probe(vetted.url, vetted.addresses, 'GET', options.timeoutMs);
    const ms = Math.round(performance.now() - started);
    if (status >= 200 && status < 400)
      return { status: 'passed' as const, detail: `answered ${status} in ${ms} ms` };
    return { status: 'failed' as const, detail: `answered ${status}` };
  } catch (error) {
    return { status: 'failed' as const, detail: `did not answer: ${(error as Error).message}` };
  }
}

/**
 * What can be checked before a person looks: links answer; files were checked by content on upload.
 * Commits need the project's git evidence: `checkGitProof` checks them when a repository is connected.
 */
export async function precheckProof(
  proof: readonly ProofItem[],
  options: PrecheckOptions,
): Promise<ProofCheck[]> {
  return Promise.all(
    proof.map(async (item, index): Promise<ProofCheck> => {
      const base = { item: index, kind: item.kind };
      switch (item.kind) {
        case 'live_url':
        case 'pull_request':
          return { ...base, ...(await urlAnswers(item.url, `proof[${index}].url`, options)) };
        case 'file':
          return {
            ...base,
            status: 'passed',
            detail: `${item.mediaType}, ${Math.max(1, Math.round(item.bytes / 1024))} kB, type checked by content`,
          };
        case 'commits':
        case 'commit_range':
          return {
            ...base,
            status: 'skipped',
            detail: 'no repository is connected to check commits against',
          };
        case 'text':
          return { ...base, status: 'skipped', detail: 'text is for the witness to read' };
      }
    }),
  );
}
