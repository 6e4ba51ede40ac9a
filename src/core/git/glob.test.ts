import { describe, expect, it } from 'vitest';
import { compilePathPatterns, globToRegExp, matchesGlob, pathMatchesPattern } from './glob.js';

describe('matchesGlob', () => {
  it.each([
    ['feature/*', 'feature/T012-auth', true],
    ['feature/*', 'feature/a/b', false],
    ['feature/**', 'feature/a/b', true],
    ['*@example.com', 'ada@example.com', true],
    ['*@example.com', 'ada@example.com.evil.org', false],
    ['*@example.com', 'ada@exampleXcom', false],
    ['T??-*', 'T12-login', true],
    ['T??-*', 'T1-login', false],
    ['src/**/*.ts', 'src/core/git/glob.ts', true],
    ['src/**/*.ts', 'src/glob.ts', true],
    ['src/**/*.ts', 'lib/glob.ts', false],
    ['a+b(c)', 'a+b(c)', true],
    ['a+b(c)', 'aab(c)', false],
    ['[bot]', '[bot]', true],
    ['[bot]', 'b', false],
    ['release/v1.2', 'release/v1x2', false],
    ['', '', true],
  ])('%j on %j → %j', (pattern, text, expected) => {
    expect(matchesGlob(text, pattern)).toBe(expected);
  });

  it('is case-sensitive unless asked', () => {
    expect(matchesGlob('Ada@Example.com', '*@example.com')).toBe(false);
    expect(matchesGlob('Ada@Example.com', '*@example.com', { caseInsensitive: true })).toBe(true);
  });

  it('anchors the expression and caches it', () => {
    expect(globToRegExp('dist').source).toBe('^dist$');
    expect(globToRegExp('x*')).toBe(globToRegExp('x*'));
    expect(globToRegExp('x*', { caseInsensitive: true })).not.toBe(globToRegExp('x*'));
  });
});

describe('pathMatchesPattern', () => {
  it.each([
    ['package-lock.json', 'package-lock.json', true],
    ['packages/web/package-lock.json', 'package-lock.json', true],
    ['packages/web/package-lock.json.bak', 'package-lock.json', false],
    ['public/app.min.js', '*.min.js', true],
    ['public/app.js', '*.min.js', false],
    ['dist/index.js', 'dist/', true],
    ['packages/web/dist/index.js', 'dist/', true],
    ['src/distance.ts', 'dist/', false],
    ['dist', 'dist/', false],
    ['packages/web/.next/server/app.js', '.next/', true],
    ['packages/a/dist/x.js', 'packages/*/dist/', true],
    ['other/a/dist/x.js', 'packages/*/dist/', false],
    ['docs/img/a.png', 'docs/**/*.png', true],
    ['docs/a.png', '/docs/*.png', true],
    ['./docs/a.png', 'docs/*.png', true],
    ['src/docs/a.png', 'docs/*.png', false],
  ])('%j against %j → %j', (path, pattern, expected) => {
    expect(pathMatchesPattern(path, pattern)).toBe(expected);
  });
});

describe('compilePathPatterns', () => {
  it('matches exactly as pathMatchesPattern does, pattern by pattern', () => {
    const patterns = ['dist/', 'packages/*/build/', '*.min.js', 'yarn.lock', 'docs/**/*.png', '/gen/*.ts'];
    const paths = [
      'dist/app.js',
      'web/dist/app.js',
      'packages/ui/build/x.js',
      'packages/build/x.js',
      'a/b/c.min.js',
      'yarn.lock',
      'sub/yarn.lock',
      'docs/a/b/c.png',
      'docs/c.png',
      'gen/api.ts',
      'src/gen/api.ts',
      './dist/x',
      'src/app.ts',
    ];
    const matcher = compilePathPatterns(patterns);
    for (const path of paths)
      expect(matcher(path), path).toBe(patterns.some((pattern) => pathMatchesPattern(path, pattern)));
  });
});
