import { describe, expect, it } from 'vitest';
import { HOOK_MARKER, hookScript, shellQuote } from './hooks.js';

describe('hook scripts', () => {
  it('quote every word for sh', () => {
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
  });

  it('report in the background what git saw when the hook ran, and never fail the commit', () => {
    const script = hookScript('post-commit', ['/usr/bin/node', '/opt/recital/bin/recital.js']);
    expect(script.split('\n')).toEqual([
      '#!/bin/sh',
      `${HOOK_MARKER}: reports work to Recital. Remove with \`recital hooks uninstall\`.`,
      'if [ -x "$(dirname "$0")/post-commit.pre-recital" ]; then "$(dirname "$0")/post-commit.pre-recital" "$@" || exit $?; fi',
      "[ -e '/opt/recital/bin/recital.js' ] || exit 0",
      `'/usr/bin/node' '/opt/recital/bin/recital.js' hooks report post-commit --revisions "$(git rev-parse HEAD)" </dev/null >/dev/null 2>&1 &`,
      'exit 0',
      '',
    ]);
  });

  it('pass pre-push its input to a previous hook, and check the message in the foreground', () => {
    expect(hookScript('pre-push', ['recital'])).toContain(`printf '%s\\n' "$input" |`);
    const commitMsg = hookScript('commit-msg', ['recital']);
    expect(commitMsg).toContain("command -v 'recital' >/dev/null 2>&1 || exit 0");
    expect(commitMsg).toContain('[ "$mode" = off ] && exit 0');
    expect(commitMsg).toContain(`exec 'recital' hooks commit-msg "$1"`);
  });
});
