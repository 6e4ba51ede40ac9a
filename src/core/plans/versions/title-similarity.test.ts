import { describe, expect, it } from 'vitest';
import { normalizeTitle } from './normalize-title.js';
import { titleProfile, titleSimilarity } from './title-similarity.js';
import { TokenVocabulary } from './token-vocabulary.js';

const vocabulary = new TokenVocabulary();
const similarity = (a: string, b: string) =>
  titleSimilarity(
    titleProfile(normalizeTitle(a), vocabulary),
    titleProfile(normalizeTitle(b), vocabulary),
    vocabulary,
  );

describe('titleSimilarity', () => {
  it.each([
    ['Implment login page', 'Implement login page'],
    ['Add dark mode', 'Add dark mode toggle'],
    ['Set up CI pipeline', 'Set up CI/CD pipeline with GitHub Actions'],
    ['实现用户登录', '实现用户登录功能'],
    ['Настроить базу данных', 'Настроить базу данных и миграции'],
    ['데이터베이스 설정', '데이터베이스 스키마 설정'],
  ])('scores a typo fix or added words at 0.8 or more: %s / %s', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(0.8);
    expect(similarity(b, a)).toBe(similarity(a, b));
  });

  it.each([
    ['Create user model', 'Create project model'],
    ['Deploy to staging', 'Deploy to production'],
    ['Implement user login endpoint', 'Implement user logout endpoint'],
    ['Release v1', 'Release v2'],
    ['Tests', 'Tests for the billing export'],
    ['实现用户登录', '设计数据库结构'],
  ])('scores a different task below 0.8: %s / %s', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(0.8);
  });

  it('is 1 for equal titles and 0 for an empty one', () => {
    expect(similarity('Write the docs', 'write the docs')).toBe(1);
    expect(similarity('', 'Write the docs')).toBe(0);
  });
});
