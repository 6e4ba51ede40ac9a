import { describe, expect, it } from 'vitest';
import { isBotAuthor, isGeneratedPath } from './exclusions.js';

const id = (name: string, email: string) => ({ name, email });

describe('isBotAuthor', () => {
  it.each([
    id('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'),
    id('renovate[bot]', '29139614+renovate[bot]@users.noreply.github.com'),
    id('github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com'),
    id('github-actions', 'github-actions@github.com'),
    id('Renovate Bot', 'bot@renovateapp.com'),
    id('pre-commit-ci[bot]', '66853113+pre-commit-ci[bot]@users.noreply.github.com'),
    id('Release', '12345+semantic-release-bot@users.noreply.github.com'),
  ])('%j is a bot', (identity) => {
    expect(isBotAuthor(identity)).toBe(true);
  });

  it.each([
    id('GitHub', 'noreply@github.com'),
    id('Ada Lovelace', 'ada@example.org'),
    id('Ada Lovelace', '1234+ada@users.noreply.github.com'),
    id('copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com'),
    id('claude[bot]', '209825114+claude[bot]@users.noreply.github.com'),
    id('Cursor Agent', 'cursoragent@cursor.com'),
    id('Robert Botham', 'bob@example.org'),
  ])('%j is not a bot', (identity) => {
    expect(isBotAuthor(identity)).toBe(false);
  });

  it('takes extra patterns on name or e-mail', () => {
    const options = { extraBotPatterns: ['ci-*@acme.dev', 'Release Train'] };
    expect(isBotAuthor(id('Deployer', 'CI-deploy@acme.dev'), options)).toBe(true);
    expect(isBotAuthor(id('release train', 'rt@acme.dev'), options)).toBe(true);
    expect(isBotAuthor(id('Ada', 'ada@acme.dev'), options)).toBe(false);
  });
});

describe('isGeneratedPath', () => {
  it.each([
    'package-lock.json',
    'apps/web/package-lock.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'Cargo.lock',
    'poetry.lock',
    'Gemfile.lock',
    'go.sum',
    'composer.lock',
    'dist/index.js',
    'packages/api/dist/server.js',
    'build/app.css',
    'out/index.html',
    '.next/server/pages/index.js',
    'coverage/lcov.info',
    'vendor/github.com/pkg/errors/errors.go',
    'node_modules/react/index.js',
    'public/vendor.min.js',
    'public/app.js.map',
    'src/__snapshots__/button.test.tsx.snap',
  ])('%s is generated', (path) => {
    expect(isGeneratedPath(path)).toBe(true);
  });

  it.each([
    'src/core/git/exclusions.ts',
    'package.json',
    'go.mod',
    'src/distance.ts',
    'docs/build-notes.md',
    'src/outline.ts',
    'src/app.min.jsx',
    'src/sitemap.ts',
  ])('%s is source', (path) => {
    expect(isGeneratedPath(path)).toBe(false);
  });

  it('takes extra patterns', () => {
    const options = { extraPatterns: ['*.gen.ts', 'api/openapi/*.json', 'generated/'] };
    expect(isGeneratedPath('src/schema.gen.ts', options)).toBe(true);
    expect(isGeneratedPath('api/openapi/v1.json', options)).toBe(true);
    expect(isGeneratedPath('web/api/openapi/v1.json', options)).toBe(false);
    expect(isGeneratedPath('src/generated/client.ts', options)).toBe(true);
    expect(isGeneratedPath('src/schema.ts', options)).toBe(false);
  });
});
