import { describe, expect, it } from 'vitest';
import { normalizeTitle, titleTokens } from './normalize-title.js';

describe('normalizeTitle', () => {
  it('ignores case, whitespace, punctuation and Markdown', () => {
    expect(normalizeTitle('  **Set up**   `CI` — GitHub  Actions!  ')).toBe('set up ci github actions');
    expect(normalizeTitle('Read [the spec](https://example.com/spec.md) <br/> first.')).toBe(
      'read the spec first',
    );
    expect(normalizeTitle('✅ Deploy 🚀')).toBe('deploy');
  });

  it('keeps Korean, folds decomposed Hangul and full-width forms', () => {
    const composed = '데이터베이스 설정';
    expect(normalizeTitle(composed.normalize('NFD'))).toBe(composed);
    expect(normalizeTitle('**데이터베이스**  설정!')).toBe(composed);
    expect(normalizeTitle('ＡＰＩ 설계')).toBe('api 설계');
  });

  it('lower-cases Cyrillic and folds ё to е', () => {
    expect(normalizeTitle('Настроить БАЗУ данных: ёлка.')).toBe('настроить базу данных елка');
    expect(normalizeTitle('Ещё задача')).toBe(normalizeTitle('ЕЩЕ ЗАДАЧА'));
  });

  it('drops Chinese full-width punctuation', () => {
    expect(normalizeTitle('实现用户登录（可选）。')).toBe('实现用户登录 可选');
  });
});

describe('titleTokens', () => {
  it('splits spaced scripts into words and unspaced runs into character pairs', () => {
    expect(titleTokens('add 用户登录')).toEqual(['add', '用户', '户登', '登录']);
    expect(titleTokens('데이터베이스 설정')).toEqual(['데이터베이스', '설정']);
    expect(titleTokens('用')).toEqual(['用']);
    expect(titleTokens('')).toEqual([]);
  });
});
