import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { CliError, loginHint } from './errors.js';

export type Env = Record<string, string | undefined>;

export const Credentials = z.object({
  url: z.url(),
  token: z.string().min(1),
  /** Null when the token was stored with `login --token` and its id could not be found. */
  tokenId: z.string().min(1).nullable(),
  email: z.string(),
});
export type Credentials = z.infer<typeof Credentials>;

const FILE_NAME = 'credentials.json';
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
// POSIX permission bits mean little on Windows; do not warn or fail about them there.
const CHECK_MODES = process.platform !== 'win32';

/**
 * The directory holding the CLI's credentials: `$RECITAL_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/recital`, else `~/.config/recital`.
 *
 * @example
 * resolveConfigDir({ env: { XDG_CONFIG_HOME: '/home/ada/.cfg' }, homeDir: '/home/ada' });
 * // '/home/ada/.cfg/recital'
 */
export function resolveConfigDir(options: { env: Env; homeDir: string }): string {
  const { env, homeDir } = options;
  if (env.RECITAL_CONFIG_DIR) return env.RECITAL_CONFIG_DIR;
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  if (env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME)) return join(env.XDG_CONFIG_HOME, 'recital');
  return join(homeDir, '.config', 'recital');
}

export interface CredentialStore {
  readonly path: string;
  read(): Promise<Credentials | null>;
  write(credentials: Credentials): Promise<void>;
  /** Returns whether there was anything to delete. */
  remove(): Promise<boolean>;
}

/** Credentials in `<dir>/credentials.json`, readable by the owner only. */
export function createCredentialStore(options: {
  dir: string;
  warn: (text: string) => void;
}): CredentialStore {
  const { dir, warn } = options;
  const path = join(dir, FILE_NAME);
  return {
    path,
    async read() {
      const text = await readIfExists(path);
      if (text === null) return null;
      if (CHECK_MODES && ((await stat(path)).mode & 0o077) !== 0) {
        warn(`${path} is readable by other users; run \`chmod 600 ${path}\``);
      }
      return parseCredentials(text, path);
    },
    async write(credentials) {
      const data = `${JSON.stringify(Credentials.parse(credentials), null, 2)}\n`;
      await ensureDir(dir);
      await writeAtomically(path, data);
      await ensurePrivate(path);
    },
    async remove() {
      const existed = (await readIfExists(path)) !== null;
      await rm(path, { force: true });
      return existed;
    },
  };
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseCredentials(text: string, path: string): Credentials {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = Credentials.safeParse(json);
  if (!parsed.success) {
    throw new CliError(`${path} is not a valid credentials file`, { hint: loginHint(undefined) });
  }
  return parsed.data;
}

async function ensureDir(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true, mode: DIR_MODE });
  // mkdir applies the umask; make the directory we created private whatever the umask says.
  if (created !== undefined && CHECK_MODES) await chmod(dir, DIR_MODE);
}

/** Write to a private temporary file beside the target, then rename: readers never see half a file. */
async function writeAtomically(path: string, data: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The umask, or an odd filesystem, may have left other bits; insist on 0600 and check it took. */
async function ensurePrivate(path: string): Promise<void> {
  if (!CHECK_MODES) return;
  if (((await stat(path)).mode & 0o777) !== FILE_MODE) await chmod(path, FILE_MODE);
  const mode = (await stat(path)).mode & 0o777;
  if (mode !== FILE_MODE) {
    throw new CliError(`could not make ${path} private (mode ${mode.toString(8)})`);
  }
}
