import type { Command } from 'commander';
import { catalogueFor, checkOutputFile, writeOutputFile, type GlobalOptions } from '../context.js';
import { UserError } from '../errors.js';
import { makeOutput, type CliIo } from '../io.js';

export function addTemplateCommand(program: Command, io: CliIo): void {
  program
    .command('template')
    .description('write an empty partner workbook for one organisation')
    .requiredOption('--org <id>', 'organisation id from the catalogue')
    .requiredOption('--out <file>', 'where to write the .xlsx (or .ods)')
    .option('--format <format>', 'xlsx (Excel) or ods (OpenDocument, for LibreOffice); default from --out, else xlsx')
    .option('--catalogue <file>', 'use this catalogue file instead of the database')
    .action(async (opts: { org: string; out: string; format?: string; catalogue?: string }, cmd: Command) => {
      const format = opts.format ?? (/\.ods$/i.test(opts.out) ? 'ods' : 'xlsx');
      if (format !== 'xlsx' && format !== 'ods') {
        throw new UserError(`--format must be xlsx or ods, not "${format}".`, 2);
      }
      checkOutputFile(opts.out, io, `${opts.org}.${format}`);
      const global = cmd.optsWithGlobals<GlobalOptions & { catalogue?: string }>();
      const out = makeOutput(io, Boolean(global.json));
      const catalogue = await catalogueFor(global, io);
      const organisation = catalogue.organisations.find((o) => o.id === opts.org);
      if (!organisation) {
        throw new UserError(
          `No organisation "${opts.org}" in the catalogue. Known ids: ${catalogue.organisations.map((o) => o.id).join(', ')}.`,
        );
      }
      const buffer =
        format === 'ods'
          ? await (await import('../../export/templateOds.js')).writePartnerTemplateOds(catalogue, organisation.id)
          : await (await import('../../export/template.js')).writePartnerTemplate(catalogue, organisation.id);
      const file = await writeOutputFile(opts.out, buffer, io);
      out.line(`Wrote the partner workbook for ${organisation.name} to ${opts.out}.`);
      out.json({ organisationId: organisation.id, file, format });
    });
}
