/** The sign-offs aggregate: an organisation's confirmation of a register version, at most one per pair. */
import { compareCodeUnits } from '../../shared/order.js';
import type { Register } from '../../shared/types.js';
import { NotFoundError, SignOffWithdrawnError } from './errors.js';
import { toSignOff } from './rows.js';
import type { Db, StoreContext } from './storeContext.js';
import type { SignOff } from './types.js';
import { ifVersionTaken } from './versionTaken.js';

export class SignOffs {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  /** Records the sign-off, or answers with the one already recorded (by this call's race, too). */
  add(input: { registerVersion: number; organisationId: string; actor: string }): Promise<SignOff> {
    const ctx = this.#ctx;
    const { registerVersion, organisationId } = input;
    return ifVersionTaken(
      ctx.backend,
      () =>
        ctx.writeAudited(async (trx) => {
          const register = await trx
            .selectFrom('registers')
            .select(['digest', 'body'])
            .where('version', '=', registerVersion)
            .executeTakeFirst();
          if (!register) throw new NotFoundError(`Register version ${registerVersion} does not exist.`);
          const existing = await readSignOffRow(trx, registerVersion, organisationId);
          if (existing?.withdrawn_at) {
            throw new SignOffWithdrawnError(
              registerVersion,
              organisationId,
              existing.withdrawn_by!,
              existing.withdrawn_at,
            );
          }
          if (existing) return { value: toSignOff(existing), event: null };
          const partners = (JSON.parse(register.body) as Register).organisations.map((o) => o.id);
          if (!partners.includes(organisationId)) {
            throw new NotFoundError(
              `Organisation ${organisationId} is not a partner in register version ${registerVersion}.`,
            );
          }
          const at = ctx.now();
          const row = {
            register_version: registerVersion,
            organisation_id: organisationId,
            register_digest: register.digest,
            signed_by: input.actor,
            signed_at: at,
            withdrawn_by: null,
            withdrawn_at: null,
          };
          await trx.insertInto('sign_offs').values(row).execute();
          return {
            value: toSignOff(row),
            event: {
              at,
              actor: input.actor,
              action: 'signoff.create',
              subject: { kind: 'signoff', registerVersion, organisationId },
              digestBefore: null,
              digestAfter: register.digest,
            },
          };
        }),
      // Another writer recorded the same sign-off first: that one is the answer.
      async (error) => {
        const existing = await readSignOff(ctx.db, registerVersion, organisationId);
        if (!existing) throw error;
        return existing;
      },
    );
  }

  /** Withdraws the standing sign-off of the pair (NotFoundError when there is none), with its audit event. */
  withdraw(input: { registerVersion: number; organisationId: string; actor: string }): Promise<SignOff> {
    const ctx = this.#ctx;
    const { registerVersion, organisationId } = input;
    return ctx.writeAudited(async (trx) => {
      const row = await readSignOffRow(trx, registerVersion, organisationId);
      if (!row || row.withdrawn_at) {
        throw new NotFoundError(`${organisationId} has no standing sign-off of register version ${registerVersion}.`);
      }
      const at = ctx.now();
      await trx
        .updateTable('sign_offs')
        .set({ withdrawn_by: input.actor, withdrawn_at: at })
        .where('register_version', '=', registerVersion)
        .where('organisation_id', '=', organisationId)
        .execute();
      return {
        value: toSignOff(row),
        event: {
          at,
          actor: input.actor,
          action: 'signoff.withdraw',
          subject: { kind: 'signoff', registerVersion, organisationId },
          digestBefore: row.register_digest,
          digestAfter: null,
        },
      };
    });
  }

  async list(registerVersion: number): Promise<SignOff[]> {
    const rows = await this.#ctx.db
      .selectFrom('sign_offs')
      .selectAll()
      .where('register_version', '=', registerVersion)
      .where('withdrawn_at', 'is', null)
      .execute();
    return rows.map(toSignOff).sort((a, b) => compareCodeUnits(a.organisationId, b.organisationId));
  }
}

async function readSignOff(db: Db, registerVersion: number, organisationId: string): Promise<SignOff | null> {
  const row = await readSignOffRow(db, registerVersion, organisationId);
  return row && !row.withdrawn_at ? toSignOff(row) : null;
}

function readSignOffRow(db: Db, registerVersion: number, organisationId: string) {
  return db
    .selectFrom('sign_offs')
    .selectAll()
    .where('register_version', '=', registerVersion)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}
