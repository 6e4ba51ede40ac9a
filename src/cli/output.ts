/** Where the CLI writes text: process.stdout/stderr in production, buffers in tests. */
export interface TextSink {
  write(text: string): unknown;
}

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
}

// Values come from the server; a name holding escape sequences must not repaint the terminal.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Make a server-provided value safe to print on one line of a terminal. */
export function sanitize(value: string): string {
  return value.replace(CONTROL_CHARACTERS, ' ');
}

/**
 * Align rows into columns separated by two spaces; the last column is not padded.
 *
 * @example
 * formatTable([{ header: 'ID', value: (w) => w.id }], workspaces);
 * // ID\nws_1\n
 */
export function formatTable<Row>(columns: Column<Row>[], rows: Row[]): string {
  const cells = [
    columns.map((column) => column.header),
    ...rows.map((row) => columns.map((c) => sanitize(c.value(row)))),
  ];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => width(line[index] ?? ''))));
  const lines = cells.map((line) =>
    line
      .map((cell, index) => (index === line.length - 1 ? cell : pad(cell, widths[index] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}

/** Label/value pairs, labels aligned: the shape `whoami` prints. */
export function formatFields(fields: [label: string, value: string][]): string {
  const labelWidth = Math.max(...fields.map(([label]) => width(label)));
  return (
    fields.map(([label, value]) => `${pad(label, labelWidth)}  ${sanitize(value)}`.trimEnd()).join('\n') +
    '\n'
  );
}

/** Code points, not UTF-16 units, so accented names line up. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

/** The one place commands write to: a result for stdout, notes and warnings for stderr. */
export interface Output {
  readonly json: boolean;
  /** The command's result: `human()` for people, `value` as one JSON document with `--json`. */
  result(value: unknown, human: () => string): void;
  /** Information for people that is not the result (stderr, so pipes stay clean). */
  note(text: string): void;
  warn(text: string): void;
}

export function createOutput(options: { stdout: TextSink; stderr: TextSink; json: boolean }): Output {
  const { stdout, stderr, json } = options;
  let written = false;
  return {
    json,
    result(value, human) {
      // Scripts parse stdout as a single JSON document; a second write would break them.
      if (written) throw new Error('A command printed two results.');
      written = true;
      stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : human());
    },
    note(text) {
      if (!json) stderr.write(`${text}\n`);
    },
    warn(text) {
      stderr.write(`warning: ${text}\n`);
    },
  };
}
