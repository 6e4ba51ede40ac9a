import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Credentials, createCredentialStore, resolveConfigDir } from './credentials.js';
import { CliError } from './errors.js';

const posix = process.platform !== 'win32';
const sample: Credentials = {
  url: 'http://localhost:4000',
  token: 'rct_secret',
  tokenId: 'tok_1',
  email: 'ada@example.com',
};

describe('resolveConfigDir', () => {
  const homeDir = '/home/ada';

  it('prefers RECITAL_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    const env = { RECITAL_CONFIG_DIR: '/etc/recital-cli', XDG_CONFIG_HOME: '/home/ada/.xdg' };
    expect(resolveConfigDir({ env, homeDir })).toBe('/etc/recital-cli');
    expect(resolveConfigDir({ env: { XDG_CONFIG_HOME: '/home/ada/.xdg' }, homeDir })).toBe(
      '/home/ada/.xdg/recital',
    );
    expect(resolveConfigDir({ env: {}, homeDir })).toBe('/home/ada/.config/recital');
  });

  it('ignores empty values and a relative XDG_CONFIG_HOME, as the XDG spec asks', () => {
    expect(resolveConfigDir({ env: { RECITAL_CONFIG_DIR: '', XDG_CONFIG_HOME: '' }, homeDir })).toBe(
      '/home/ada/.config/recital',
    );
    expect(resolveConfigDir({ env: { XDG_CONFIG_HOME: 'relative/cfg' }, homeDir })).toBe(
      '/home/ada/.config/recital',
    );
  });
});

describe('credential store', () => {
  let root: string;
  let warnings: string[];
  const store = (dir = join(root, 'nested', 'recital')) =>
    createCredentialStore({ dir, warn: (text) => warnings.push(text) });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'recital-cli-'));
    warnings = [];
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('reads nothing before anything was written', async () => {
    expect(await store().read()).toBeNull();
    expect(await store().remove()).toBe(false);
  });

  it('writes credentials readable by the owner only, in a private directory it creates', async () => {
    const credentials = store();
    await credentials.write(sample);
    expect(await credentials.read()).toEqual(sample);
    if (posix) {
      expect((await stat(credentials.path)).mode & 0o777).toBe(0o600);
      expect((await stat(join(root, 'nested', 'recital'))).mode & 0o777).toBe(0o700);
    }
    expect(warnings).toEqual([]);
  });

  it.runIf(posix)('makes an existing, too open file private again when it rewrites it', async () => {
    const dir = join(root, 'cfg');
    await mkdir(dir);
    const path = join(dir, 'credentials.json');
    await writeFile(path, JSON.stringify(sample), { mode: 0o644 });
    await chmod(path, 0o644);
    await store(dir).write({ ...sample, token: 'rct_new' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ token: 'rct_new' });
  });

  it.runIf(posix)('warns when the file it reads is open to others', async () => {
    const credentials = store();
    await credentials.write(sample);
    await chmod(credentials.path, 0o644);
    expect(await credentials.read()).toEqual(sample);
    expect(warnings).toEqual([expect.stringContaining('chmod 600')]);
  });

  it('replaces the file atomically: readers always see a whole document, no temp file stays', async () => {
    const credentials = store();
    await credentials.write(sample);
    const writes = Array.from({ length: 40 }, (_, i) =>
      credentials.write({ ...sample, token: `rct_${i}`.repeat(50) }),
    );
    const reads = Array.from({ length: 40 }, () => credentials.read());
    const seen = await Promise.all(reads);
    await Promise.all(writes);
    for (const value of seen) expect(value?.email).toBe(sample.email);
    expect(await readdir(join(root, 'nested', 'recital'))).toEqual(['credentials.json']);
  });

  it('removes its temporary file when the final rename fails', async () => {
    const dir = join(root, 'cfg');
    await mkdir(join(dir, 'credentials.json'), { recursive: true }); // a directory where the file should go
    await expect(store(dir).write(sample)).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['credentials.json']);
  });

  it('refuses to store something that is not credentials', async () => {
    await expect(store().write({ ...sample, url: 'not a url' })).rejects.toThrow();
    expect(await store().read()).toBeNull();
  });

  it('explains a corrupt file instead of crashing', async () => {
    const credentials = store();
    await credentials.write(sample);
    await writeFile(credentials.path, '{"url": 42');
    const error = await credentials.read().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(/not a valid credentials file/);
    expect((error as CliError).hint).toMatch(/recital login/);
  });

  it('deletes the file and says whether there was one', async () => {
    const credentials = store();
    await credentials.write(sample);
    expect(await credentials.remove()).toBe(true);
    expect(await credentials.read()).toBeNull();
    expect(await credentials.remove()).toBe(false);
  });
});
