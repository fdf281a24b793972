/**
 * `oda-register verify FILE`: whether an exported appendix (Word, Excel, CSV zip or JSON) is a true copy of the
 * register version it names. Exit 0 for a true copy, 1 for an edited file or one naming a register version
 * that does not exist here, 2 for a file that is not an appendix at all.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { withStore, type GlobalOptions } from '../context.js';
import { UserError } from '../errors.js';
import { makeOutput, type CliIo } from '../io.js';

export function addVerifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description(
      'check that an exported appendix (.docx, .xlsx, CSV .zip or .json) is a true copy of its register version',
    )
    .argument('<file>', 'the exported file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      // Loaded here: ExcelJS, docx and JSZip are needed by this command only.
      const { verifyAppendix, VERIFY_EXIT_CODES, VERIFY_LIMITS } =
        await import('../../export/appendix/verify/index.js');
      const { registerWithSignOffs } = await import('../../services/registers.js');
      let bytes: Buffer;
      try {
        // A file larger than any appendix is not read into memory at all.
        const size = (await stat(path.resolve(io.cwd, file))).size;
        if (size > VERIFY_LIMITS.maxFileBytes) {
          throw new UserError(
            `${file}: Not a register appendix: the file is ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${VERIFY_LIMITS.maxFileBytes / 1024 / 1024} MB an appendix may be.`,
            VERIFY_EXIT_CODES['not-an-appendix'],
          );
        }
        bytes = await readFile(path.resolve(io.cwd, file));
      } catch (err) {
        if (err instanceof UserError) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        const why =
          code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
        throw new UserError(`Cannot read ${file}: ${why}.`, 2);
      }
      const result = await withStore(
        global,
        io,
        async (store) =>
          verifyAppendix(bytes, (version) => registerWithSignOffs(store, version), {
            fileName: path.basename(file),
            partnership: (await store.getCatalogue())?.catalogue.partnership ?? null,
          }),
        { readOnly: true },
      );
      out.line(`${path.basename(file)}: ${result.message}`);
      out.json({ file, ...result });
      process.exitCode = VERIFY_EXIT_CODES[result.verdict];
    });
}
