import { describe, expect, it } from 'vitest';
import { findTaskReferences, type ReferenceOptions } from './references.js';

const inMessage = (message: string, options: ReferenceOptions = {}) =>
  findTaskReferences({ message }, options).map(({ ref, closes }) => (closes ? `closes ${ref}` : ref));
const inBranch = (branch: string, options: ReferenceOptions = {}) =>
  findTaskReferences({ branch }, options).map(({ ref }) => ref);

describe('findTaskReferences: messages', () => {
  it('reads a realistic message', () => {
    const message = `feat(auth): lock accounts after five failed sign-ins (T012)

Closes RC-12. Builds on T9 and RC-3; see https://example.org/plans/T44 for the plan.

Refs: T013
Co-Authored-By: Claude <noreply@anthropic.com>`;
    expect(findTaskReferences({ message, branch: 'feature/T012-lockout' })).toEqual([
      { ref: 'RC-3', form: 'key', taskNumber: 3, closes: false, source: 'message' },
      { ref: 'T9', form: 'task_id', taskNumber: 9, closes: false, source: 'message' },
      { ref: 'T12', form: 'task_id', taskNumber: 12, closes: true, source: 'message' },
      { ref: 'T12', form: 'task_id', taskNumber: 12, closes: false, source: 'branch' },
      { ref: 'T13', form: 'task_id', taskNumber: 13, closes: false, source: 'message' },
    ]);
  });

  it.each([
    ['T12', ['T12']],
    ['T012', ['T12']],
    ['(T12) [T13], T14.', ['T12', 'T13', 'T14']],
    ['RC-12 rc-13 Rc-014', ['RC-12', 'RC-13', 'RC-14']],
    ['T12-login done', ['T12']],
  ])('finds %j', (message, refs) => {
    expect(inMessage(message)).toEqual(refs);
  });

  it.each([
    'abcT12',
    'T12abc',
    'XRC-12',
    'RC-12a',
    'https://github.com/acme/app/blob/main/T12.md',
    'see www.example.org/T12',
    'src/T12.ts and docs\\T13',
    'ada@T12.example.org',
    't2.micro instances',
    'build 3f2a9c1d5e7bT12',
    'v1.T12',
    'RC-',
    'T',
  ])('finds nothing in %j', (message) => {
    expect(inMessage(message)).toEqual([]);
  });

  it('knows the GitHub closing keywords, any case, with an optional colon, one reference each', () => {
    for (const keyword of [
      'close',
      'Closes',
      'CLOSED',
      'fix',
      'Fixes',
      'fixed',
      'resolve',
      'Resolves',
      'resolved',
    ]) {
      expect(inMessage(`${keyword} T12`)).toEqual(['closes T12']);
    }
    expect(inMessage('Fixes: RC-12')).toEqual(['closes RC-12']);
    expect(inMessage('fixes T12, T13')).toEqual(['closes T12', 'T13']);
    expect(inMessage('Prefixes T12 and unfixed T13; fix-up T14')).toEqual(['T12', 'T13', 'T14']);
  });

  it('a task mentioned twice closes if any mention does', () => {
    expect(inMessage('Start on T12\n\nFixes T012')).toEqual(['closes T12']);
    expect(inMessage('T12 and RC-12')).toEqual(['T12']);
  });

  it('uses the workspace key prefix', () => {
    expect(inMessage('ACME-7 and RC-8', { keyPrefix: 'ACME' })).toEqual(['ACME-7']);
    expect(inMessage('acme-7', { keyPrefix: 'acme' })).toEqual(['ACME-7']);
    expect(inMessage('A.B-7', { keyPrefix: 'A.B' })).toEqual(['A.B-7']);
    expect(inMessage('AxB-7', { keyPrefix: 'A.B' })).toEqual([]);
  });
});

describe('findTaskReferences: #N', () => {
  const known = { knownTaskNumbers: [12, 13] };

  it('reads #N only for a known task, outside GitHub', () => {
    expect(inMessage('Resolves #12, see #99', known)).toEqual(['closes #12']);
    expect(inMessage('Resolves #12')).toEqual([]);
  });

  it('treats #N as ambiguous in a GitHub repository unless the plan declares it', () => {
    expect(inMessage('Resolves #12', { ...known, githubConnected: true })).toEqual([]);
    expect(
      inMessage('Resolves #12', { ...known, githubConnected: true, planDeclaresHashRefs: true }),
    ).toEqual(['closes #12']);
  });

  it('never reads other repositories, anchors or entities', () => {
    for (const message of ['acme/app#12', 'page.html#12', '&#12;', 'https://x.org/#12', 'a-#12']) {
      expect(inMessage(message, known)).toEqual([]);
    }
  });
});

describe('findTaskReferences: branches', () => {
  it.each([
    ['t12-login', ['T12']],
    ['feature/T012-auth', ['T12']],
    ['rc-12-fix', ['RC-12']],
    ['rc12', ['RC-12']],
    ['fix/auth-t7_retry', ['T7']],
    ['ada/rc-3/t4', ['RC-3', 'T4']],
    ['main', []],
    ['python3-upgrade', []],
    ['release/2024-05', []],
    ['test-12', []],
    ['12-login-fails', []],
    ['dependabot/npm_and_yarn/vite-5.0.1', []],
  ])('%j → %j', (branch, refs) => {
    expect(inBranch(branch)).toEqual(refs);
  });

  it('never closes from a branch name', () => {
    expect(findTaskReferences({ branch: 'fixes/t12' })[0]?.closes).toBe(false);
  });
});
