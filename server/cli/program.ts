/**
 * The `oda-register` command line: every command, and how errors reach the user.
 *
 * Start-up stays fast (see `npm run bench -- startup`): this module and the command definitions load only
 * commander and small modules; each command imports what it needs (the store, ExcelJS, jose, zod) when it runs.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DomainError } from '../errors/domainError.js';
import { addAuditCommand } from './commands/audit.js';
import { addConsolidateCommand } from './commands/consolidate.js';
import { addExportCommand } from './commands/exportRegister.js';
import { addImportCommand, addValidateCommand } from './commands/importFiles.js';
import { addInitCommand } from './commands/init.js';
import { addStatusCommand } from './commands/status.js';
import { addTemplateCommand } from './commands/template.js';
import { addTokenCommand } from './commands/token.js';
import { addVerifyCommand } from './commands/verify.js';
import { UserError } from './errors.js';
import type { CliIo } from './io.js';

/**
 * Commander's usage error as one line: "error: unknown option '--fromat' (did you mean --format?)", and where
 * there is no near match, where the options are listed.
 */
export function oneLineUsageError(message: string, commandPath: string): string {
  const [first = '', ...rest] = message.trim().split('\n');
  const suggestion = /^\(Did you mean (.*)\?\)$/.exec(rest.join(' ').trim());
  if (suggestion) return `${first} (did you mean ${suggestion[1]}?)\n`;
  const detail = rest.join(' ').trim();
  const line = detail ? `${first} ${detail}` : first;
  return /^error: unknown (option|command)/.test(first) ? `${line} (see ${commandPath} --help)\n` : `${line}\n`;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('oda-register')
    .description('Partner workbooks, validation and the governance register of an Office of Data Analytics')
    .option(
      '--db <path-or-url>',
      'SQLite file or postgres:// URL (default: DATABASE_URL, else SQLITE_PATH, else $DATA_DIR/oda-register.db ' +
        'with DATA_DIR defaulting to ./data, as the service does)',
    )
    .option('--json', 'machine-readable output on stdout')
    .addHelpText('after', '\n  oda-register --version prints the version.');
  for (const addCommand of [
    addInitCommand,
    addTemplateCommand,
    addImportCommand,
    addValidateCommand,
    addConsolidateCommand,
    addExportCommand,
    addStatusCommand,
    addTokenCommand,
    addAuditCommand,
    addVerifyCommand,
  ]) {
    addCommand(program, io);
  }
  const configure = (cmd: Command) => {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => {
        // Commander checks required options before unknown ones, so `export --fromat json` would be told that
        // --format is missing: name the mistyped option instead (unknownOption reports it and throws).
        const unknown = cmd.args.find((a) => /^--?[^-]/.test(a));
        if (unknown && s.startsWith('error: required option')) {
          (cmd as Command & { unknownOption(flag: string): never }).unknownOption(unknown);
        }
        write(oneLineUsageError(s, commandPath(cmd)));
      },
    });
    cmd.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/** The version in package.json: two folders up from server/cli/program.ts and from dist/server/cli.js alike. */
function packageVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * Says why a command failed; returns its exit code. A domain error's message is meant for the user as it is:
 * one line, exit 1 (a UserError's own code: 2 for a usage mistake). Anything else is a programmer error:
 * "unexpected failure", with the stack trace under ODA_DEBUG.
 */
export function reportFailure(err: unknown, io: CliIo): number {
  if (err instanceof DomainError) {
    io.stderr.write(`error: ${err.message}\n`);
    return err instanceof UserError ? err.exitCode : 1;
  }
  io.stderr.write(`error: unexpected failure: ${(err as Error)?.message ?? String(err)}\n`);
  if (io.env.ODA_DEBUG) io.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  else io.stderr.write('(set ODA_DEBUG=1 to see the details)\n');
  return 1;
}

/** Runs the CLI; resolves to the exit code. Never throws, never prints a stack trace for a user's mistake. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const previous = process.exitCode;
  process.exitCode = 0;
  try {
    if (argv[0] === '--version' || argv[0] === '-V') {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    return reportFailure(err, io);
  } finally {
    process.exitCode = previous;
  }
}
