import type { Command } from 'commander';
import { checkOutputFile, withStore, writeOutputFile, type GlobalOptions } from '../context.js';
import { UserError } from '../errors.js';
import { NotFoundError } from '../../store/errors.js';
import { AppendixFiles } from '../../services/appendixFiles.js';
import { makeOutput, type CliIo } from '../io.js';
import { wholeNumber } from '../options.js';
import { APPENDIX_FORMATS as FORMATS, FORMAT_FILES, type AppendixFormat } from '../../export/appendix/formats.js';

export function addExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(
      'export a register version (the latest by default): MoU appendices as Word, Excel or CSV (zip), or the register as JSON',
    )
    .requiredOption('--format <format>', `one of: ${FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'where to write it ("-" for standard output)')
    .option('--version <n>', 'register version (default: the latest)')
    .action(async (opts: { format: string; out: string; version?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new UserError(`--format must be one of: ${FORMATS.join(', ')} (got "${opts.format}").`, 2);
      }
      const format = opts.format as AppendixFormat;
      if (opts.out === '-') {
        if (format !== 'json' && io.stdout.isTTY) {
          throw new UserError(
            `--out - would write the ${FORMAT_FILES[format].name} file's bytes to the terminal: give a file name (--out appendices.${FORMAT_FILES[format].extension}) or send standard output to a file or program.`,
            2,
          );
        }
      } else {
        checkOutputFile(opts.out, io, `register.${FORMAT_FILES[format].extension}`);
      }
      const version =
        opts.version === undefined
          ? undefined
          : wholeNumber('--version', opts.version, 1, Number.MAX_SAFE_INTEGER, 'a register version number such as 3');
      const { stored, bytes } = await withStore(
        global,
        io,
        async (store) => {
          const { registerWithSignOffs } = await import('../../services/registers.js');
          const found = await registerWithSignOffs(store, version ?? 'latest');
          if (found) {
            // Loaded here: docx and ExcelJS are needed by this command only. The file is the one the service
            // serves for the same sign-offs: kept in the store, rendered only when none is kept.
            const { renderAppendix } = await import('../../export/appendix/render.js');
            const files = new AppendixFiles(store, renderAppendix);
            const file = await files.file(format, found.stored, found.signOffs);
            return { stored: found.stored, bytes: file.bytes };
          }
          const latest = await store.latestRegister();
          throw new NotFoundError(
            latest
              ? `There is no register version ${version}; the latest is ${latest.version}.`
              : 'There is no register yet: run `oda-register consolidate` first.',
          );
        },
        { readOnly: true },
      );
      if (opts.out === '-') {
        io.stdout.write(bytes);
        return;
      }
      const file = await writeOutputFile(opts.out, bytes, io);
      out.line(
        `Wrote register version ${stored.version} (${stored.digest}) as ${FORMAT_FILES[format].name} to ${opts.out}.`,
      );
      out.json({ version: stored.version, digest: stored.digest, format, file });
    });
}
