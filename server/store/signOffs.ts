/** The sign-offs aggregate: an organisation's confirmation of a register version, at most one per pair. */
import { compareCodeUnits } from '../../shared/order.js';
import type { Register } from '../../shared/types.js';
import { NotFoundError } from './errors.js';
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
          const existing = await readSignOff(trx, registerVersion, organisationId);
          if (existing) return { value: existing, event: null };
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

  async list(registerVersion: number): Promise<SignOff[]> {
    const rows = await this.#ctx.db
      .selectFrom('sign_offs')
      .selectAll()
      .where('register_version', '=', registerVersion)
      .execute();
    return rows.map(toSignOff).sort((a, b) => compareCodeUnits(a.organisationId, b.organisationId));
  }
}

async function readSignOff(db: Db, registerVersion: number, organisationId: string): Promise<SignOff | null> {
  const row = await db
    .selectFrom('sign_offs')
    .selectAll()
    .where('register_version', '=', registerVersion)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row ? toSignOff(row) : null;
}
