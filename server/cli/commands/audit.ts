import type { Command } from 'commander';
import { withStore, type GlobalOptions } from '../context.js';
import { makeOutput, type CliIo } from '../io.js';
import { wholeNumber } from '../options.js';

export function addAuditCommand(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('the audit trail of every change');
  audit
    .command('verify')
    .description('recompute the hash chain and report any edited, inserted or deleted event')
    .action(async (_opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      const result = await withStore(global, io, (store) => store.verifyAudit(), { readOnly: true });
      if (result.ok)
        out.line(`Audit chain intact: ${result.checked} event${result.checked === 1 ? '' : 's'} verified.`);
      else
        out.line(
          `Audit chain BROKEN at event ${result.problem?.seq}: ${result.problem?.reason} (${result.checked} events checked).`,
        );
      out.json(result);
      if (!result.ok) process.exitCode = 1;
    });
  audit
    .command('list')
    .description('list audit events')
    .option('--after <seq>', 'only events after this sequence number', '0')
    .option('--limit <n>', 'at most this many events', '100')
    .action(async (opts: { after: string; limit: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      const afterSeq = wholeNumber('--after', opts.after, 0, Number.MAX_SAFE_INTEGER);
      // The store's module (and kysely with it) loads only when the command runs.
      const { AUDIT_PAGE_MAX } = await import('../../store/audit.js');
      const limit = wholeNumber('--limit', opts.limit, 1, AUDIT_PAGE_MAX);
      const events = await withStore(global, io, (store) => store.listAudit({ afterSeq, limit }), {
        readOnly: true,
      });
      for (const e of events)
        out.line(`${String(e.seq).padStart(5)}  ${e.at}  ${e.actor.padEnd(32)}  ${e.action.padEnd(18)}  ${e.subject}`);
      if (events.length === 0) out.line('No audit events.');
      out.json(events);
    });
}
