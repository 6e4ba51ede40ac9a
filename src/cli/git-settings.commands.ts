import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { type GitSettings, getGitSettings, updateGitSettings } from '../contracts/repositories.contract.js';
import { updateWorkspace, WHY_MODES } from '../contracts/workspaces.contract.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError, EXIT_USAGE } from './errors.js';
import { examples } from './help.js';
import { resolveWorkspace } from './workspace.commands.js';

interface GitOptions {
  whyMode?: (typeof WHY_MODES)[number];
  rules?: string;
  generated?: string[];
  bots?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function describe(settings: GitSettings, whyMode: string): string {
  const list = (items: readonly string[]) => (items.length === 0 ? 'none' : items.join(', '));
  return [
    `Why-notes:        ${whyMode} (for AI-assisted commits without a Why: trailer)`,
    `Attribution rules: ${settings.attributionRules.length === 0 ? 'none' : ''}`,
    ...settings.attributionRules.map(
      (rule) => `  ${rule.label}: ${JSON.stringify(rule.match)} → ${rule.kind}`,
    ),
    `Generated paths:  built-in, plus ${list(settings.generatedPatterns)}`,
    `Bots:             built-in, plus ${list(settings.botPatterns)}`,
    '',
  ].join('\n');
}

/** Attribution rules from a JSON file: an array of { match, kind, label }. */
async function readRules(path: string): Promise<GitSettings['attributionRules']> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${path}: ${(error as Error).message}`, {
      hint: 'give a JSON array such as [{"match": {"authorEmail": "*@agents.example.com"}, "kind": "ai_authored", "label": "agents"}]',
      exitCode: EXIT_USAGE,
    });
  }
  if (!Array.isArray(parsed))
    throw new CliError(`${path}: expected a JSON array of rules`, { exitCode: EXIT_USAGE });
  return parsed as GitSettings['attributionRules'];
}

async function git(context: CommandContext, reference: string, options: GitOptions): Promise<void> {
  const { api } = await context.session();
  const workspace = await resolveWorkspace(api, reference);
  const params = { workspaceId: workspace.id };
  const changes = {
    ...(options.rules ? { attributionRules: await readRules(options.rules) } : {}),
    ...(options.generated ? { generatedPatterns: options.generated } : {}),
    ...(options.bots ? { botPatterns: options.bots } : {}),
  };
  const settings =
    Object.keys(changes).length > 0
      ? await api.call(updateGitSettings, { params, body: changes })
      : await api.call(getGitSettings, { params });
  const whyMode = options.whyMode
    ? (await api.call(updateWorkspace, { params, body: { whyMode: options.whyMode } })).whyMode
    : workspace.whyMode;
  context.out.result({ ...settings, whyMode }, () => describe(settings, whyMode));
}

export function registerGitSettingsCommands(program: Command, deps: CliDeps): void {
  const workspace = program.commands.find((command) => command.name() === 'workspace');
  if (!workspace) throw new Error('the workspace command must be registered first');
  workspace
    .command('git')
    .description(
      'How commits are read: why-notes, attribution rules, generated paths and bots (organizers change).',
    )
    .argument('<workspace>', 'the workspace id or slug')
    .addOption(
      new Option('--why-mode <mode>', 'ask AI-assisted commits for a Why: trailer').choices(WHY_MODES),
    )
    .option('--rules <file.json>', 'attribution rules for commits no tool signal decides (replaces them)')
    .option(
      '--generated <glob>',
      'a generated path beyond the built-in ones; repeatable (replaces the list)',
      collect,
    )
    .option(
      '--bots <glob>',
      'an automation author beyond the built-in bots; repeatable (replaces the list)',
      collect,
    )
    .addHelpText(
      'after',
      examples([
        'recital workspace git spring-cohort',
        'recital workspace git spring-cohort --why-mode require --generated "fixtures/**"',
        'recital workspace git spring-cohort --rules attribution.json',
      ]),
    )
    .action(action(deps, git));
}
