import type { Command } from 'commander';
import { compareCodeUnits } from '../../../shared/order.js';
import { withStore, type GlobalOptions } from '../context.js';
import { makeOutput, type CliIo } from '../io.js';

export function addStatusCommand(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('partners, the latest submission of each, who is missing, and the latest register')
    .action(async (_opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      const { isGoverning } = await import('../../../shared/catalogue.js');
      const { requireCatalogue } = await import('../../services/catalogue.js');
      const { catalogue, latest, register } = await withStore(
        global,
        io,
        async (store) => ({
          catalogue: (await requireCatalogue(store)).catalogue,
          latest: await store.latestSubmissions(),
          register: await store.latestRegister(),
        }),
        { readOnly: true },
      );
      const byOrg = new Map(latest.map((s) => [s.organisationId, s]));
      const partners = [...catalogue.organisations]
        .sort((a, b) => compareCodeUnits(a.id, b.id))
        .map((o) => {
          const s = byOrg.get(o.id);
          return {
            organisationId: o.id,
            name: o.name,
            involvement: o.involvement,
            governing: isGoverning(o.involvement),
            version: s?.version ?? null,
            submittedAt: s?.submittedAt ?? null,
            submittedBy: s?.submittedBy ?? null,
            warnings: s?.warnings.length ?? 0,
          };
        });
      const missing = partners.filter((p) => p.version === null);
      const idWidth = Math.max(...partners.map((p) => p.organisationId.length), 12);
      out.line(
        `${catalogue.partnership.name} (${catalogue.partnership.governanceModel} governance, MoU ${catalogue.partnership.mouStart} to ${catalogue.partnership.mouEnd})`,
      );
      out.line();
      for (const p of partners) {
        const state =
          p.version === null
            ? 'missing'
            : `version ${p.version}, ${p.submittedAt?.slice(0, 16).replace('T', ' ')} by ${p.submittedBy}${p.warnings ? `, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}` : ''}`;
        out.line(`  ${p.organisationId.padEnd(idWidth)}  ${state}`);
      }
      out.line();
      out.line(
        `${partners.length - missing.length} of ${partners.length} partners have submitted` +
          (missing.length ? `; missing: ${missing.map((p) => p.name).join(', ')}.` : '.'),
      );
      out.line(
        register
          ? `Latest register: version ${register.version} (${register.digest}), ${register.createdAt.slice(0, 16).replace('T', ' ')}.`
          : 'No register yet: run `oda-register consolidate`.',
      );
      out.json({
        partnership: catalogue.partnership,
        partners,
        missing: missing.map((p) => p.organisationId),
        latestRegister: register
          ? { version: register.version, digest: register.digest, createdAt: register.createdAt }
          : null,
      });
    });
}
