import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError } from './errors.js';
import { createTerminal } from './terminal.js';

function streams(tty: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  return { input, output, printed: () => printed };
}

describe('createTerminal', () => {
  it('asks a question and returns the line typed', async () => {
    const { input, output, printed } = streams(true);
    const terminal = createTerminal({ input, output });
    const answer = terminal.ask('Email: ');
    input.write('ada@example.com\r');
    expect(await answer).toBe('ada@example.com');
    expect(printed()).toContain('Email: ');
    expect(printed()).toContain('ada@example.com');
  });

  it('does not echo a secret, but still ends the line', async () => {
    const { input, output, printed } = streams(true);
    const terminal = createTerminal({ input, output });
    const answer = terminal.ask('Password: ', { secret: true });
    input.write('correct horse battery\r');
    expect(await answer).toBe('correct horse battery');
    expect(printed()).toContain('Password: ');
    expect(printed()).not.toContain('correct');
    expect(printed().endsWith('\n')).toBe(true);
  });

  it('stops with exit code 130 on Ctrl+C', async () => {
    const { input, output } = streams(true);
    const answer = createTerminal({ input, output }).ask('Password: ', { secret: true });
    input.write('\u0003');
    await expect(answer).rejects.toMatchObject({ message: 'cancelled', exitCode: 130 });
  });

  it('gives up with an error when input ends before an answer', async () => {
    const { input, output } = streams(false);
    const answer = createTerminal({ input, output }).ask('Email: ');
    input.end();
    await expect(answer).rejects.toBeInstanceOf(CliError);
  });

  it('reads all of stdin for --password-stdin and knows it is not interactive', async () => {
    const { input, output } = streams(false);
    const terminal = createTerminal({ input, output });
    expect(terminal.interactive).toBe(false);
    input.end('s3cret\n');
    expect(await terminal.readAll()).toBe('s3cret\n');
  });
});
