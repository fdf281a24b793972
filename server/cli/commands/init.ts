import type { Command } from 'commander';
import { cliActor, readCatalogueArgument, withStore, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { makeOutput } from '../io.js';

export function addInitCommand(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('store the partnership catalogue (a new catalogue version when one exists)')
    .requiredOption('--catalogue <file>', 'catalogue JSON file')
    .action(async (opts: { catalogue: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      const catalogue = await readCatalogueArgument(opts.catalogue, io);
      const stored = await withStore(global, io, (store) => store.putCatalogue(catalogue, { actor: cliActor(io) }));
      out.line(
        `Catalogue version ${stored.version} of ${catalogue.partnership.name}: ${catalogue.organisations.length} organisations, ` +
          `${catalogue.activities.length} activities, ${catalogue.members.length} members (${catalogue.partnership.governanceModel} governance).`,
      );
      out.json({ version: stored.version, digest: stored.digest, partnership: catalogue.partnership.id });
    });
}
