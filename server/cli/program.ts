/** The `oda-register` command line: every command, and how errors reach the user. */
import { Command, CommanderError } from 'commander';
import { DevIssuerError } from '../auth/devIssuer.js';
import { CatalogueFileError } from '../services/catalogueFile.js';
import { NotPermitted, NotPossible } from '../services/errors.js';
import { VersionConflictError } from '../store/errors.js';
import { registerAudit } from './commands/audit.js';
import { registerConsolidate } from './commands/consolidate.js';
import { registerExport } from './commands/exportRegister.js';
import { registerImport, registerValidate } from './commands/importFiles.js';
import { registerInit } from './commands/init.js';
import { registerStatus } from './commands/status.js';
import { registerTemplate } from './commands/template.js';
import { registerToken } from './commands/token.js';
import { UserError } from './errors.js';
import type { CliIo } from './io.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('oda-register')
    .description('Partner workbooks, validation and the governance register of an Office of Data Analytics')
    .option(
      '--db <path-or-url>',
      'SQLite file or postgres:// URL (default: DATABASE_URL, else SQLITE_PATH, else $DATA_DIR/oda-register.db ' +
        'with DATA_DIR defaulting to ./data, as the service does)',
    )
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of [
    registerInit,
    registerTemplate,
    registerImport,
    registerValidate,
    registerConsolidate,
    registerExport,
    registerStatus,
    registerToken,
    registerAudit,
  ]) {
    register(program, io);
  }
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI; resolves to the exit code. Never throws, never prints a stack trace for a user's mistake. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const previous = process.exitCode;
  process.exitCode = 0;
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const known =
      err instanceof UserError ||
      err instanceof NotPossible ||
      err instanceof NotPermitted ||
      err instanceof VersionConflictError ||
      err instanceof DevIssuerError ||
      err instanceof CatalogueFileError;
    if (known) {
      io.stderr.write(`error: ${(err as Error).message}\n`);
      return err instanceof UserError ? err.exitCode : 1;
    }
    io.stderr.write(`error: unexpected failure: ${(err as Error)?.message ?? String(err)}\n`);
    if (io.env.ODA_DEBUG) io.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    else io.stderr.write('(set ODA_DEBUG=1 to see the details)\n');
    return 1;
  } finally {
    process.exitCode = previous;
  }
}
