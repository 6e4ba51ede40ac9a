import { describe, expect, it } from 'vitest';
import { frontMatterOf, lineOf, parseMarkdown, textOf } from './markdown-tree.js';

describe('parseMarkdown', () => {
  it('reads GFM task lists, tables and front matter with line numbers', () => {
    const root = parseMarkdown(
      '---\ntitle: Plan\n---\n\n# Week 1\n\n- [x] Done thing\n- [ ] Open **thing**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    expect(frontMatterOf(root)).toEqual({ title: 'Plan' });
    const list = root.children.find((node) => node.type === 'list');
    expect(
      list?.type === 'list' && list.children.map((item) => [item.checked, textOf(item), lineOf(item)]),
    ).toEqual([
      [true, 'Done thing', 7],
      [false, 'Open thing', 8],
    ]);
    expect(root.children.some((node) => node.type === 'table')).toBe(true);
  });

  it('never throws on malformed front matter', () => {
    expect(frontMatterOf(parseMarkdown('---\n: : :\n  - [\n---\ntext'))).toBeNull();
  });
});
