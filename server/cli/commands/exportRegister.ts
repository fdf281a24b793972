import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { withStore, type GlobalOptions } from '../context.js';
import { UserError } from '../errors.js';
import { makeOutput, type CliIo } from '../io.js';

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
      const version = opts.version === undefined ? undefined : Number(opts.version);
      if (version !== undefined && !(Number.isInteger(version) && version > 0)) {
        throw new UserError(`--version must be a register version number such as 3 (got "${opts.version}").`);
      }
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
      try {
        await writeFile(path.resolve(io.cwd, opts.out), text);
      } catch (err) {
        throw new UserError(`Cannot write ${opts.out}: ${(err as Error).message}`);
      }
      out.line(`Wrote register version ${stored.version} (${stored.digest}) to ${opts.out}.`);
      out.json({ version: stored.version, digest: stored.digest, file: path.resolve(io.cwd, opts.out) });
    });
}
