import { describe, expect, it } from 'vitest';
import { createOutput, formatFields, formatTable, sanitize } from './output.js';

interface Row {
  id: string;
  name: string;
}
const columns = [
  { header: 'ID', value: (row: Row) => row.id },
  { header: 'NAME', value: (row: Row) => row.name },
];

describe('formatTable', () => {
  it('pads every column but the last to its widest cell', () => {
    const table = formatTable(columns, [
      { id: 'ws_1', name: 'Solo' },
      { id: 'ws_22222', name: 'Spring cohort' },
    ]);
    expect(table).toBe('ID        NAME\nws_1      Solo\nws_22222  Spring cohort\n');
  });

  it('prints the header alone when there are no rows', () => {
    expect(formatTable(columns, [])).toBe('ID  NAME\n');
  });

  it('counts code points, so accented and astral names stay aligned', () => {
    const table = formatTable(
      [
        { header: 'NAME', value: (row: Row) => row.name },
        { header: 'ID', value: (row: Row) => row.id },
      ],
      [
        { id: 'a', name: 'Zoë' },
        { id: 'b', name: '𝒳yz' },
      ],
    );
    expect(table.split('\n')).toEqual(['NAME  ID', 'Zoë   a', '𝒳yz   b', '']);
  });

  it('neutralises control characters in values from the server', () => {
    const table = formatTable(columns, [{ id: 'x', name: 'evil\u001b[2Jname\nsecond line' }]);
    expect(table).not.toContain('\u001b');
    expect(table.trimEnd().split('\n')).toHaveLength(2);
  });
});

describe('sanitize', () => {
  it('replaces C0 and C1 controls with spaces and leaves the rest alone', () => {
    expect(sanitize('a\tb\u0007c\u009bd é')).toBe('a b c d é');
  });
});

describe('formatFields', () => {
  it('aligns values after the longest label', () => {
    expect(
      formatFields([
        ['User', 'Ada'],
        ['Server', 'http://x'],
      ]),
    ).toBe('User    Ada\nServer  http://x\n');
  });
});

describe('createOutput', () => {
  function sinks() {
    const written = { stdout: '', stderr: '' };
    return {
      written,
      stdout: { write: (text: string) => (written.stdout += text) },
      stderr: { write: (text: string) => (written.stderr += text) },
    };
  }

  it('prints the human text for people, notes and warnings on stderr', () => {
    const { written, stdout, stderr } = sinks();
    const out = createOutput({ stdout, stderr, json: false });
    out.note('fyi');
    out.warn('careful');
    out.result({ a: 1 }, () => 'hello\n');
    expect(written).toEqual({ stdout: 'hello\n', stderr: 'fyi\nwarning: careful\n' });
  });

  it('prints exactly one JSON document with --json, and keeps notes out of the way', () => {
    const { written, stdout, stderr } = sinks();
    const out = createOutput({ stdout, stderr, json: true });
    out.note('fyi');
    out.result({ a: [1, 2] }, () => 'never');
    expect(JSON.parse(written.stdout)).toEqual({ a: [1, 2] });
    expect(written.stderr).toBe('');
  });

  it('refuses a second result, which would break scripts parsing stdout', () => {
    const { stdout, stderr } = sinks();
    const out = createOutput({ stdout, stderr, json: true });
    out.result(1, () => '');
    expect(() => out.result(2, () => '')).toThrow(/two results/);
  });
});
