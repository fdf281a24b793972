/** Where the CLI writes, so tests can run commands in-process and read what a user would see. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Output {
  /** A line for people (suppressed with --json). */
  line(text?: string): void;
  /** The machine-readable result (printed only with --json). */
  json(value: unknown): void;
  /** A note on stderr, shown in both modes. */
  note(text: string): void;
  readonly jsonMode: boolean;
}

export function makeOutput(io: CliIo, jsonMode: boolean): Output {
  return {
    jsonMode,
    line(text = '') {
      if (!jsonMode) io.stdout.write(`${text}\n`);
    },
    json(value) {
      if (jsonMode) io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    note(text) {
      io.stderr.write(`${text}\n`);
    },
  };
}
