import type { Command } from 'commander';
import { countIssues, ISSUE_CODES, type Issue } from '../../../shared/issues.js';
import { cliActor, withStore, type GlobalOptions } from '../context.js';
import { issueLine } from '../files.js';
import { makeOutput, type CliIo, type Output } from '../io.js';

/** At most this many issues are printed; the rest are counted, with where to read them all. */
export const CONSOLIDATE_ISSUES_SHOWN = 100;

/**
 * Every issue the register counts: the cross-partner ones, then those of the partners' accepted workbooks
 * (warnings: a workbook with errors is not accepted) with their organisation; past CONSOLIDATE_ISSUES_SHOWN,
 * how many more and where they are.
 */
function printRegisterIssues(out: Output, crossPartner: Issue[], fromWorkbooks: Issue[]): void {
  let room = CONSOLIDATE_ISSUES_SHOWN;
  const section = (title: string, issues: Issue[], line: (i: Issue) => string) => {
    if (issues.length === 0 || room === 0) return;
    out.line();
    out.line(title);
    for (const i of issues.slice(0, room)) out.line(`  ${line(i)}`);
    room -= Math.min(room, issues.length);
  };
  section('Cross-partner issues:', crossPartner, issueLine);
  section("Issues in the partners' accepted workbooks:", fromWorkbooks, (i) =>
    i.organisationId ? `${i.organisationId}: ${issueLine(i)}` : issueLine(i),
  );
  const more = crossPartner.length + fromWorkbooks.length - CONSOLIDATE_ISSUES_SHOWN;
  if (more > 0) {
    out.line(
      `  ... and ${more} more: \`oda-register export --format json --out FILE\` writes them all (the register's "issues").`,
    );
  }
}

export function addConsolidateCommand(program: Command, io: CliIo): void {
  program
    .command('consolidate')
    .description('consolidate the latest submission of every partner into a new register version')
    .option('--force', 'create a new register version even when nothing changed since the latest one')
    .action(async (_opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions & { force?: boolean }>();
      const out = makeOutput(io, Boolean(global.json));
      const { consolidateNow } = await import('../../services/registers.js');
      const { stored, created } = await withStore(global, io, (store) =>
        consolidateNow({ store, actor: cliActor(io), force: Boolean(global.force) }),
      );
      const r = stored.register;
      const crossPartner = r.issues.filter((i) => ISSUE_CODES[i.code].scope === 'register');
      const { errors, warnings } = countIssues(crossPartner);
      out.line(
        created
          ? `Register version ${r.version} of ${r.partnership.name}`
          : `No change since register version ${r.version} of ${r.partnership.name}: nothing stored (--force stores a new version)`,
      );
      out.line(`  digest         ${r.digest}`);
      out.line(`  organisations  ${r.organisations.length} (${r.sources.length} submitted)`);
      out.line(`  contacts       ${r.contacts.length}`);
      out.line(`  commitments    ${r.commitments.length}`);
      out.line(`  roles          ${r.roles.length}`);
      out.line(`  participation  ${r.participation.length}`);
      out.line(
        `  issues         ${r.issues.length} (${crossPartner.length} cross-partner: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
      );
      printRegisterIssues(
        out,
        crossPartner,
        r.issues.filter((i) => ISSUE_CODES[i.code].scope !== 'register'),
      );
      out.json({
        unchanged: !created,
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
