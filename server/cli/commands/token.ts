import type { Command } from 'commander';
import { DevIssuerError, loadOrCreateDevIssuer } from '../../auth/devIssuer.js';
import { dataDirOf } from '../../config.js';
import { requireCatalogue } from '../../services/catalogue.js';
import { findMember } from '../../services/members.js';
import { withStore, type GlobalOptions } from '../context.js';
import { UserError } from '../errors.js';
import { makeOutput, type CliIo } from '../io.js';

export function registerToken(program: Command, io: CliIo): void {
  program
    .command('token')
    .description('mint a development access token for a member of the catalogue (AUTH_MODE=dev only)')
    .requiredOption('--email <email>', 'the member’s email address')
    .option('--ttl <seconds>', 'lifetime in seconds (default 8 hours)')
    .action(async (opts: { email: string; ttl?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      const ttlSeconds = opts.ttl === undefined ? undefined : Number(opts.ttl);
      if (ttlSeconds !== undefined && !(Number.isInteger(ttlSeconds) && ttlSeconds > 0)) {
        throw new UserError(`--ttl must be a whole number of seconds (got "${opts.ttl}").`);
      }
      const catalogue = await withStore(global, io, async (store) => (await requireCatalogue(store)).catalogue);
      try {
        const issuer = await loadOrCreateDevIssuer(dataDirOf(io.env, io.cwd));
        const token = await issuer.mint({
          email: opts.email,
          ...(ttlSeconds !== undefined ? { ttlSeconds } : {}),
          lookupMember: async (email) => findMember(catalogue, email),
        });
        if (global.json) out.json({ token, email: opts.email.toLowerCase() });
        else io.stdout.write(`${token}\n`);
      } catch (err) {
        if (err instanceof DevIssuerError) throw new UserError(err.message);
        throw err;
      }
    });
}
