import type { Command } from 'commander';
import { catalogueFor, type GlobalOptions } from '../context.js';
import { makeOutput, type CliIo } from '../io.js';
import { wholeNumber } from '../options.js';

export function addTokenCommand(program: Command, io: CliIo): void {
  program
    .command('token')
    .description('mint a development access token for a member of the catalogue (AUTH_MODE=dev only)')
    .requiredOption('--email <email>', 'the member’s email address')
    .option('--ttl <seconds>', 'lifetime in seconds, at most 30 days (default 8 hours)')
    .action(async (opts: { email: string; ttl?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = makeOutput(io, Boolean(global.json));
      // jose and the issuer load only when a token is minted.
      const { decodeJwt } = await import('jose');
      const { DEV_MAX_TTL_SECONDS, loadOrCreateDevIssuer } = await import('../../auth/devIssuer.js');
      const { dataDirOf } = await import('../../config.js');
      const { findMember } = await import('../../services/members.js');
      const ttlSeconds =
        opts.ttl === undefined
          ? undefined
          : wholeNumber(
              '--ttl',
              opts.ttl,
              1,
              DEV_MAX_TTL_SECONDS,
              `a whole number of seconds from 1 to ${DEV_MAX_TTL_SECONDS} (30 days)`,
            );
      const catalogue = await catalogueFor(global, io);
      const issuer = await loadOrCreateDevIssuer(dataDirOf(io.env, io.cwd));
      const token = await issuer.mint({
        email: opts.email,
        ...(ttlSeconds !== undefined ? { ttlSeconds } : {}),
        lookupMember: async (email) => findMember(catalogue, email),
      });
      // The address the token was minted for (the issuer trims and lowercases what was given).
      if (global.json) out.json({ token, email: decodeJwt(token).email });
      else io.stdout.write(`${token}\n`);
    });
}
