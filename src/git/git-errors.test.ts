import { describe, expect, it } from 'vitest';
import { classifyGitFailure, firstStderrLine, gitFailure } from './git-errors.js';

describe('git errors', () => {
  it.each([
    ['fatal: not a git repository (or any of the parent directories): .git\n', 'git.not_a_repository'],
    ["fatal: bad revision 'nope'\n", 'git.unknown_revision'],
    [
      "fatal: ambiguous argument 'nope': unknown revision or path not in the working tree.\n",
      'git.unknown_revision',
    ],
    ['fatal: Not a valid object name nope\n', 'git.unknown_revision'],
    ['fatal: bad object deadbeef\n', 'git.unknown_revision'],
    ["fatal: your current branch 'main' does not have any commits yet\n", 'git.unknown_revision'],
    ["fatal: no such path 'x' in HEAD\n", 'git.failed'],
  ] as const)('classifies %j as %s', (stderr, code) => {
    expect(classifyGitFailure(stderr)).toBe(code);
  });

  it('reads the first non-empty stderr line without the fatal prefix', () => {
    expect(firstStderrLine('\nfatal: bad revision x\nmore\n')).toBe('bad revision x');
    expect(firstStderrLine('')).toBe('');
  });

  it('puts git’s own words in the message', () => {
    const error = gitFailure({
      args: ['log', 'x'],
      cwd: '/r',
      stderr: "fatal: bad revision 'x'\n",
      exitCode: 128,
    });
    expect(error.code).toBe('git.unknown_revision');
    expect(error.message).toBe("git log failed: bad revision 'x'");
    expect(error.exitCode).toBe(128);
  });

  it('tells a person what to do outside a repository', () => {
    const error = gitFailure({
      args: ['log'],
      cwd: '/tmp/x',
      stderr: 'fatal: not a git repository',
      exitCode: 128,
    });
    expect(error.message).toBe(
      "/tmp/x is not a git repository (or any parent): run git init or pass the repository's folder",
    );
  });
});
