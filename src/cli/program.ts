import { Command, CommanderError } from 'commander';
import { parseServerUrl } from './arguments.js';
import { registerAuthCommands } from './auth.commands.js';
import { registerCheckpointCommands } from './checkpoint.commands.js';
import type { CliDeps } from './context.js';
import { registerContractCommands } from './contract.commands.js';
import { EXIT_OK, EXIT_USAGE, exitCodeOf, formatError } from './errors.js';
import { examples } from './help.js';
import { registerInboxCommands } from './inbox.commands.js';
import { registerServerCommands } from './server.commands.js';
import { registerDecisionCommands } from './decision.commands.js';
import { registerLedgerCommands } from './ledger.commands.js';
import { registerPlanCommands } from './plan.commands.js';
import { registerProjectCommands } from './project.commands.js';
import { registerRepoCommands } from './repo.commands.js';
import { registerHookCommands } from './hooks.commands.js';
import { registerComprehensionCommands } from './comprehension.commands.js';
import { registerEmailCommands } from './email.commands.js';
import { registerForecastCommands } from './forecast.commands.js';
import { registerGitSettingsCommands } from './git-settings.commands.js';
import { registerScheduleCommands } from './schedule.commands.js';
import { registerStatusCommands } from './status.commands.js';
import { registerTodayCommands } from './today.commands.js';
import { registerWorkspaceCommands } from './workspace.commands.js';

/**
 * The `recital` command tree. It never touches the process: output, environment, network and
 * prompts all come from `deps`, and commander's exits are turned into exceptions.
 *
 * @example
 * await createProgram(deps).parseAsync(['whoami', '--json'], { from: 'user' });
 */
export function createProgram(deps: CliDeps): Command {
  const program = new Command('recital')
    .description('Recital: plans, daily execution and witnessed checkpoints, from the terminal.')
    .version(deps.version, '-V, --version', 'print the version')
    .option('--json', 'print one JSON document on stdout, for scripts')
    .option('--url <url>', 'server URL (default: RECITAL_URL, then the one you logged in to)', parseServerUrl)
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    // Settings above are inherited by the subcommands created below.
    .exitOverride()
    .addHelpText(
      'after',
      examples([
        'recital serve --port 4000',
        'recital login http://localhost:4000',
        'recital workspace list',
      ]) +
        '\nEnvironment:\n  RECITAL_TOKEN       API token to use instead of the stored one\n' +
        '  RECITAL_URL         server URL to use instead of the stored one\n' +
        '  RECITAL_CONFIG_DIR  where credentials.json lives (default: $XDG_CONFIG_HOME/recital or ~/.config/recital)\n',
    );
  registerServerCommands(program, deps);
  registerAuthCommands(program, deps);
  registerWorkspaceCommands(program, deps);
  registerProjectCommands(program, deps);
  registerPlanCommands(program, deps);
  registerScheduleCommands(program, deps);
  registerDecisionCommands(program, deps);
  registerTodayCommands(program, deps);
  registerLedgerCommands(program, deps);
  registerStatusCommands(program, deps);
  registerForecastCommands(program, deps);
  registerContractCommands(program, deps);
  registerCheckpointCommands(program, deps);
  registerInboxCommands(program, deps);
  registerRepoCommands(program, deps);
  registerHookCommands(program, deps);
  registerComprehensionCommands(program, deps);
  registerEmailCommands(program, deps);
  registerGitSettingsCommands(program, deps);
  return program;
}

/**
 * Run one command line (without `node` and the script) and return the exit code:
 * 0 ok, 1 failed (API, network, files), 2 usage error, 130 interrupted.
 */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  try {
    await createProgram(deps).parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    // Commander has already printed its message (or the help, or the version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    deps.stderr.write(formatError(error));
    return exitCodeOf(error);
  }
}
