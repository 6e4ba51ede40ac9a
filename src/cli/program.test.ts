import { describe, expect, it } from 'vitest';
import type { ServerModule } from './context.js';
import { describeMigrations, serverEnv } from './server.commands.js';
import { runInProcess } from './testing.js';

const COMMANDS = [
  ['serve'],
  ['migrate'],
  ['login'],
  ['logout'],
  ['whoami'],
  ['workspace'],
  ['workspace', 'list'],
  ['workspace', 'create'],
  ['workspace', 'invite'],
];

describe('help', () => {
  it.each(COMMANDS)(
    '`%s --help` describes the command with examples, on stdout, exit 0',
    async (...command) => {
      const { exitCode, stdout, stderr } = await runInProcess([...command, '--help']);
      expect(exitCode).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain(`Usage: recital ${command.join(' ')}`);
      expect(stdout).toContain('Examples:\n  $ recital ');
    },
  );

  it('lists every command in the top-level help', async () => {
    const { stdout } = await runInProcess(['--help']);
    for (const name of ['serve', 'migrate', 'login', 'logout', 'whoami', 'workspace'])
      expect(stdout).toContain(name);
  });

  it('prints the version', async () => {
    expect(await runInProcess(['--version'])).toEqual({ exitCode: 0, stdout: '0.0.0-test\n', stderr: '' });
  });
});

describe('usage errors exit 2 with a message on stderr', () => {
  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['login'], "missing required argument 'url'"],
    [['login', 'localhost:4000'], 'Expected an http:// or https:// URL'],
    [['login', 'http://x', '--token', 't', '--email', 'a@b.c'], 'cannot be used with'],
    [['workspace', 'create', 'X', '--kind', 'galaxy'], 'Allowed choices are solo, cohort, team'],
    [['workspace', 'invite', 'spring'], "required option '--role <role>' not specified"],
    [['workspace', 'invite', 'spring', '--role', 'admin'], 'Allowed choices are organizer, witness, builder'],
    [['workspace', 'invite', 'spring', '--role', 'builder', '--expires-days', 'soon'], 'whole number'],
    [['serve', '--port', '99999'], 'port number'],
    [['whoami', '--url', 'nope'], 'Expected a URL'],
    [['whoami', 'extra'], 'too many arguments'],
  ])('recital %j', async (argv, message) => {
    const { exitCode, stdout, stderr } = await runInProcess(argv);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('error: ');
    expect(stderr).toContain(message);
  });

  it('shows the help on stderr when no command is given', async () => {
    const { exitCode, stderr } = await runInProcess([]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('Usage: recital');
  });

  it('reports an invalid RECITAL_URL as a usage error', async () => {
    const { exitCode, stderr } = await runInProcess(['whoami'], {
      env: { RECITAL_URL: 'nope', RECITAL_TOKEN: 't' },
    });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^error: RECITAL_URL: Expected a URL/);
  });
});

function fakeServer() {
  type Env = Record<string, string | undefined>;
  const calls: { start: { env: Env; handleSignals?: boolean }[]; migrate: Env[] } = {
    start: [],
    migrate: [],
  };
  const server: ServerModule = {
    async startServer(options) {
      calls.start.push(options);
      const { env } = options;
      return { url: `http://127.0.0.1:${env.PORT ?? '3000'}`, close: async () => undefined };
    },
    async migrateFromEnv(env) {
      calls.migrate.push(env);
      return { applied: ['0001_init', '0002_workspaces'], current: ['0001_init', '0002_workspaces'] };
    },
  };
  return { server, calls };
}

describe('serve and migrate', () => {
  it('maps the flags onto the environment, over what the process has', () => {
    const env = serverEnv({
      env: { PORT: '3000', DATABASE_URL: 'postgres://db', RECITAL_DATA_DIR: '/old' },
      cwd: '/srv/recital',
      options: { port: '4000', dataDir: 'data' },
    });
    expect(env).toEqual({
      PORT: '4000',
      DATABASE_URL: 'postgres://db',
      RECITAL_DATA_DIR: '/srv/recital/data',
    });
    expect(serverEnv({ env: { PORT: '3000' }, cwd: '/', options: {} })).toEqual({ PORT: '3000' });
  });

  it('starts the server with that environment, handling signals, and says where it listens', async () => {
    const { server, calls } = fakeServer();
    const result = await runInProcess(['serve', '--port', '4000', '--data-dir', '/var/lib/recital'], {
      server,
      env: { NODE_ENV: 'production' },
    });
    expect(result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'Recital is listening on http://127.0.0.1:4000. Press Ctrl+C to stop.\n',
    });
    expect(calls.start).toEqual([
      {
        env: { NODE_ENV: 'production', PORT: '4000', RECITAL_DATA_DIR: '/var/lib/recital' },
        handleSignals: true,
      },
    ]);
  });

  it('prints the migrations applied, or them as JSON', async () => {
    const { server, calls } = fakeServer();
    const human = await runInProcess(['migrate', '--data-dir', 'data'], { server, cwd: '/srv' });
    expect(human.stdout).toBe('Applied 2 migrations:\n  0001_init\n  0002_workspaces\n');
    expect(calls.migrate[0]?.RECITAL_DATA_DIR).toBe('/srv/data');
    const json = await runInProcess(['migrate', '--json'], { server });
    expect(JSON.parse(json.stdout)).toEqual({
      applied: ['0001_init', '0002_workspaces'],
      current: expect.any(Array),
    });
  });

  it('says when there was nothing to apply', () => {
    expect(describeMigrations({ applied: [], current: ['a', 'b'] })).toBe(
      'The database is up to date (2 migrations).\n',
    );
    expect(describeMigrations({ applied: ['a'], current: ['a'] })).toBe('Applied 1 migration:\n  a\n');
  });

  it('reports a server that fails to start, exit 1', async () => {
    const server: ServerModule = {
      startServer: () => Promise.reject(new Error('PORT: expected a number')),
      migrateFromEnv: () => Promise.reject(new Error('unused')),
    };
    const result = await runInProcess(['serve'], { server });
    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: 'error: PORT: expected a number\n' });
  });
});
