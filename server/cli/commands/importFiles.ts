import path from 'node:path';
import type { Command } from 'commander';
import { ValidationFailed } from '../../services/errors.js';
import { catalogueFor, cliActor, withStore, type GlobalOptions } from '../context.js';
import { eachFile, printFileResult, readTablesFromFile, summarise, type FileResult } from '../files.js';
import { makeOutput, type CliIo } from '../io.js';

/** `import FILE...`: validate and store each workbook; exit 1 when any file had errors. */
export function addImportCommand(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('validate partner workbooks and store each as its organisation’s next submission')
    .argument('<files...>', '.xlsx partner workbooks')
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      const { submitTables } = await import('../../services/submissions.js');
      const { requireCatalogue } = await import('../../services/catalogue.js');
      const results = await withStore(global, io, async (store) => {
        const { catalogue } = await requireCatalogue(store);
        const actor = cliActor(io);
        return eachFile(files, io, out, async (file): Promise<FileResult> => {
          const tables = await readTablesFromFile(file, io);
          const base = { file, version: null, fileError: null, issues: [] };
          if (typeof tables === 'string') return { ...base, ok: false, organisationId: null, fileError: tables };
          try {
            const { stored, created } = await submitTables({
              store,
              catalogue,
              tables,
              actor,
              source: 'cli',
              fileName: path.basename(file),
              replaces: { kind: 'current' },
            });
            return {
              ...base,
              ok: true,
              organisationId: stored.organisationId,
              version: stored.version,
              unchanged: !created,
              issues: stored.warnings,
            };
          } catch (err) {
            if (err instanceof ValidationFailed) {
              return { ...base, ok: false, organisationId: err.organisationId, issues: err.issues };
            }
            throw err;
          }
        });
      });
      for (const r of results) printFileResult(out, r, 'stored');
      summarise(out, results, 'stored');
      if (results.some((r) => !r.ok)) process.exitCode = 1;
    });
}

/** `validate FILE...`: the same checks, storing nothing. */
export function addValidateCommand(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check partner workbooks against the contract and the catalogue, storing nothing')
    .argument('<files...>', '.xlsx partner workbooks')
    .option('--catalogue <file>', 'use this catalogue file instead of the database (no database needed)')
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions & { catalogue?: string }>();
      const out = makeOutput(io, Boolean(global.json));
      const catalogue = await catalogueFor(global, io);
      const { checkWorkbook } = await import('../../../shared/checkWorkbook.js');
      const { nativeSha256Hex } = await import('../../store/nativeDigest.js');
      const results = await eachFile(files, io, out, async (file): Promise<FileResult> => {
        const tables = await readTablesFromFile(file, io);
        const base = { file, version: null, fileError: null, issues: [] };
        if (typeof tables === 'string') return { ...base, ok: false, organisationId: null, fileError: tables };
        // Every issue listed: --json lists them all (the lines printed stop at the first ISSUE_LIST_LIMIT).
        const check = checkWorkbook(tables, catalogue, { listLimit: 'all', sha256Hex: nativeSha256Hex });
        return {
          ...base,
          ok: check.submission !== null,
          organisationId: check.organisationId,
          issues: check.report.issues,
        };
      });
      for (const r of results) printFileResult(out, r, 'valid');
      summarise(out, results, 'valid');
      if (results.some((r) => !r.ok)) process.exitCode = 1;
    });
}
