/** The audit trail (a hash chain) and its verification. */
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json } from '../docs.js';
import { auditListSchema, auditQuery, auditVerificationSchema } from '../schemas.js';

const DEFAULT_LIMIT = 100;

export function auditRoutes({ store }: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      operationId: 'listAuditEvents',
      tag: 'audit',
      summary: 'Audit events in order; page with afterSeq and limit.',
      access: 'oversight',
      query: auditQuery,
      responses: { 200: json('Events.', auditListSchema) },
      handler: async ({ query, res }) => {
        const limit = query.limit ?? DEFAULT_LIMIT;
        const events = await store.listAudit({
          ...(query.afterSeq !== undefined ? { afterSeq: query.afterSeq } : {}),
          limit,
        });
        const last = events[events.length - 1];
        // A full page is the last one when no event follows it: then it says so, rather than point at an empty page.
        const more =
          events.length === limit && last !== undefined
            ? (await store.listAudit({ afterSeq: last.seq, limit: 1 })).length > 0
            : false;
        res.json({ events, nextAfterSeq: more && last ? last.seq : null });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/audit/verify',
      operationId: 'verifyAuditTrail',
      tag: 'audit',
      summary: 'Recompute the hash chain: finds any edited, inserted or deleted event.',
      access: 'oversight',
      responses: { 200: json('The verification result.', auditVerificationSchema) },
      handler: async ({ res }) => {
        res.json(await store.verifyAudit());
      },
    }),
  ];
}
