import type { Command } from 'commander';
import { countIssues, ISSUE_CODES } from '../../../shared/issues.js';
import { consolidateNow } from '../../services/registers.js';
import { cliActor, withStore, type GlobalOptions } from '../context.js';
import { issueLine } from '../files.js';
import { makeOutput, type CliIo } from '../io.js';

export function registerConsolidate(program: Command, io: CliIo): void {
  program
    .command('consolidate')
    .description('consolidate the latest submission of every partner into a new register version')
    .action(async (_opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      const stored = await withStore(global, io, (store) => consolidateNow({ store, actor: cliActor(io) }));
      const r = stored.register;
      const crossPartner = r.issues.filter((i) => ISSUE_CODES[i.code].scope === 'register');
      const { errors, warnings } = countIssues(crossPartner);
      out.line(`Register version ${r.version} of ${r.partnership.name}`);
      out.line(`  digest         ${r.digest}`);
      out.line(`  organisations  ${r.organisations.length} (${r.sources.length} submitted)`);
      out.line(`  contacts       ${r.contacts.length}`);
      out.line(`  commitments    ${r.commitments.length}`);
      out.line(`  roles          ${r.roles.length}`);
      out.line(`  participation  ${r.participation.length}`);
      out.line(
        `  issues         ${r.issues.length} (${crossPartner.length} cross-partner: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
      );
      if (crossPartner.length > 0) {
        out.line();
        out.line('Cross-partner issues:');
        for (const i of crossPartner) out.line(`  ${issueLine(i)}`);
      }
      out.json({
        version: r.version,
        digest: r.digest,
        createdAt: r.createdAt,
        counts: {
          organisations: r.organisations.length,
          submitted: r.sources.length,
          contacts: r.contacts.length,
          commitments: r.commitments.length,
          roles: r.roles.length,
          participation: r.participation.length,
          issues: r.issues.length,
        },
        crossPartnerIssues: crossPartner,
      });
    });
}
