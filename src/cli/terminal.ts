import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { CliError, EXIT_INTERRUPTED } from './errors.js';

/** Asking people things, and reading what scripts pipe in. */
export interface Terminal {
  /** Whether a person can answer prompts (stdin is a TTY). */
  readonly interactive: boolean;
  /** Print `question` and read one line; with `secret`, what is typed is not echoed. */
  ask(question: string, options?: { secret?: boolean }): Promise<string>;
  /** All of stdin, for `--password-stdin`. */
  readAll(): Promise<string>;
}

type Input = NodeJS.ReadableStream & { isTTY?: boolean };

/**
 * A terminal over real streams. Prompts go to `output` (stderr in production) so that
 * stdout carries only the command's result.
 *
 * @example
 * const terminal = createTerminal({ input: process.stdin, output: process.stderr });
 * const password = await terminal.ask('Password: ', { secret: true });
 */
export function createTerminal(options: { input: Input; output: NodeJS.WritableStream }): Terminal {
  const { input, output } = options;
  return {
    interactive: input.isTTY === true,
    ask: (question, askOptions = {}) => ask({ input, output, question, secret: askOptions.secret ?? false }),
    readAll: () => readAll(input),
  };
}

async function ask(options: {
  input: Input;
  output: NodeJS.WritableStream;
  question: string;
  secret: boolean;
}): Promise<string> {
  const { input, output, question, secret } = options;
  let muted = false;
  // readline echoes keystrokes through its output; swallowing them while muted hides the password.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output: sink, terminal: input.isTTY === true });
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.on('SIGINT', () => reject(new CliError('cancelled', { exitCode: EXIT_INTERRUPTED })));
      rl.on('close', () => reject(new CliError('no answer: input ended')));
      rl.question(question, resolve);
      muted = secret;
    });
  } finally {
    muted = false;
    rl.close();
    // The newline the person typed was swallowed with the rest.
    if (secret) output.write('\n');
  }
}

async function readAll(input: Input): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
