/** Sign-offs of a register version and whether it is ready for the MoU. */
import { defineRoute, type AnyRoute } from '../route.js';
import type { ApiDeps } from '../deps.js';
import { json, problems } from '../docs.js';
import { z } from 'zod';
import {
  organisationIdSchema,
  registerParams,
  signOffBody,
  signOffResultSchema,
  signOffSchema,
  signOffStatusSchema,
  versionSchema,
} from '../schemas.js';
import { signOff, signOffStatus, withdrawSignOff } from '../../services/signOffs.js';

export function signOffRoutes({ store }: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/registers/{version}/sign-offs',
      operationId: 'signOffRegister',
      tag: 'sign-offs',
      summary:
        'Confirm a register version for an organisation: a line manager for their own; a PMG member for any governing partner (organisationId in the body).',
      access: 'member',
      params: registerParams,
      body: signOffBody,
      responses: {
        201: json('Recorded (or already recorded: the first record stands).', signOffResultSchema),
        ...problems(404, 409, 422),
      },
      handler: async ({ params, body, principal: p, res }) => {
        const result = await signOff({
          store,
          registerVersion: params.version,
          organisationId: body.organisationId ?? null,
          actor: { email: p.email, role: p.role, organisationId: p.organisationId },
        });
        res.status(201).set('Location', `/api/registers/${params.version}/sign-offs`).json(result);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/registers/{version}/sign-offs/{organisationId}/withdrawal',
      operationId: 'withdrawSignOff',
      tag: 'sign-offs',
      summary:
        'Withdraw an organisation’s sign-off of a register version: a line manager for their own; a PMG member for any. The withdrawal is an audit event and readyForMou is recomputed; that partner signs the next register version.',
      access: 'member',
      params: z.object({ version: versionSchema, organisationId: organisationIdSchema }),
      responses: {
        200: json(
          'Withdrawn: the sign-off that stood, and the status without it.',
          z.object({ withdrawn: signOffSchema, status: signOffStatusSchema }).openapi('SignOffWithdrawal'),
        ),
        ...problems(403, 404),
      },
      handler: async ({ params, principal: p, res }) => {
        res.json(
          await withdrawSignOff({
            store,
            registerVersion: params.version,
            organisationId: params.organisationId,
            actor: { email: p.email, role: p.role, organisationId: p.organisationId },
          }),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/registers/{version}/sign-offs',
      operationId: 'getSignOffStatus',
      tag: 'sign-offs',
      summary: 'Who confirmed this register version and when, which governing partners are missing, and readyForMou.',
      access: 'member',
      params: registerParams,
      responses: { 200: json('The sign-off status.', signOffStatusSchema), ...problems(404) },
      handler: async ({ params, res }) => {
        res.json(await signOffStatus({ store, registerVersion: params.version }));
      },
    }),
  ];
}
