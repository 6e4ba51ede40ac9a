import type { Command } from 'commander';
import { addEmail, listEmails, removeEmail, verifyEmail } from '../contracts/emails.contract.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { examples } from './help.js';
import { type Column, formatTable } from './output.js';

type Row = { email: string; primary: boolean; verified: boolean };

const COLUMNS: Column<Row>[] = [
  { header: 'EMAIL', value: (e) => e.email },
  {
    header: 'STATE',
    value: (e) => (e.primary ? 'account address' : e.verified ? 'verified' : 'waiting for the link'),
  },
];

async function list(context: CommandContext): Promise<void> {
  const { api } = await context.session();
  const { emails } = await api.call(listEmails, {});
  context.out.result({ emails }, () => formatTable(COLUMNS, emails));
}

async function add(context: CommandContext, email: string): Promise<void> {
  const { api } = await context.session();
  const added = await api.call(addEmail, { body: { email } });
  context.out.result(added, () =>
    added.verified
      ? `${added.email} is already verified.\n`
      : `A link was sent to ${added.email}. Open it (or run \`recital email verify <token>\`) within a day.\n`,
  );
}

async function verify(context: CommandContext, token: string): Promise<void> {
  const { api } = await context.session();
  const verified = await api.call(verifyEmail, { body: { token } });
  context.out.result(
    verified,
    () => `Verified ${verified.email}: commits made with it now count as yours.\n`,
  );
}

async function remove(context: CommandContext, email: string): Promise<void> {
  const { api } = await context.session();
  await api.call(removeEmail, { params: { email } });
  context.out.result({ removed: email }, () => `Removed ${email}. Commits already recorded stay.\n`);
}

export function registerEmailCommands(program: Command, deps: CliDeps): void {
  const email = program
    .command('email')
    .description('The addresses your commits are recognised by (verified by a link sent to each).');
  email.command('list').description('Your account address and the verified ones.').action(action(deps, list));
  email
    .command('add')
    .description('Add an address you commit with; a verification link is sent to it.')
    .argument('<email>', 'e.g. the one in `git config user.email`')
    .addHelpText('after', examples(['recital email add "$(git config user.email)"']))
    .action(action(deps, add));
  email
    .command('verify')
    .description('Verify with the token from the link (the part after token=).')
    .argument('<token>', 'ev_…')
    .action(action(deps, verify));
  email
    .command('remove')
    .description('Stop recognising an address.')
    .argument('<email>')
    .action(action(deps, remove));
}
