import type { Command } from 'commander';
import { withStore, writeOutputFile, type GlobalOptions } from '../context.js';
import { UserError } from '../errors.js';
import { makeOutput, type CliIo } from '../io.js';
import { wholeNumber } from '../options.js';

const FORMATS = ['json'] as const;

export function registerExport(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('export a register version (the latest by default)')
    .requiredOption('--format <format>', `one of: ${FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'where to write it ("-" for standard output)')
    .option('--version <n>', 'register version (default: the latest)')
    .action(async (opts: { format: string; out: string; version?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new UserError(`--format must be one of: ${FORMATS.join(', ')} (got "${opts.format}").`);
      }
      const version =
        opts.version === undefined
          ? undefined
          : wholeNumber('--version', opts.version, 1, Number.MAX_SAFE_INTEGER, 'a register version number such as 3');
      const stored = await withStore(global, io, async (store) => {
        const found = version === undefined ? await store.latestRegister() : await store.getRegister(version);
        if (found) return found;
        const latest = await store.latestRegister();
        throw new UserError(
          latest
            ? `There is no register version ${version}; the latest is ${latest.version}.`
            : 'There is no register yet: run `oda-register consolidate` first.',
        );
      });
      const text = `${JSON.stringify(stored.register, null, 2)}\n`;
      if (opts.out === '-') {
        io.stdout.write(text);
        return;
      }
      const file = await writeOutputFile(opts.out, text, io);
      out.line(`Wrote register version ${stored.version} (${stored.digest}) to ${opts.out}.`);
      out.json({ version: stored.version, digest: stored.digest, file });
    });
}
