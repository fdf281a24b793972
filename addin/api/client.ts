/**
 * The pane's one API client: openapi-fetch typed by schema.d.ts (generated from the service's OpenAPI
 * document), a bearer token on every call, one silent renewal on a 401, and every failure turned into an
 * ApiFault whose `kind` the pane shows as a specific message (faults.ts). Nothing here touches the workbook, so
 * a failed call never loses a local edit.
 */
import createClient from 'openapi-fetch';
import type { RegisterDiff } from '../../shared/diff.js';
import type { Catalogue, Register, Submission } from '../../shared/types.js';
import type { components, paths } from './schema.js';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type ApiIssue = Schemas['Issue'];
export type SubmissionSummary = Schemas['SubmissionSummary'];
/**
 * The service's JSON is the shared domain types (the OpenAPI schemas are generated from them, but loosely
 * typed); the client converts each once here, so the pane never casts.
 */
export type StoredSubmission = Omit<Schemas['StoredSubmission'], 'submission'> & { submission: Submission };
export type StoredRegister = Omit<Schemas['StoredRegister'], 'register'> & { register: Register };
/** What changed from register version `from` to version `to` (GET /api/registers/{a}/diff/{b}). */
export type RegisterDiffResponse = Omit<Schemas['RegisterDiff'], 'diff'> & { diff: RegisterDiff };

const storedSubmission = (d: Schemas['StoredSubmission']): StoredSubmission => ({
  ...d,
  submission: d.submission as unknown as Submission,
});
const registerDiff = (d: Schemas['RegisterDiff']): RegisterDiffResponse => ({
  ...d,
  diff: d.diff as unknown as RegisterDiff,
});
const storedRegister = <T extends Schemas['StoredRegister']>(d: T): Omit<T, 'register'> & { register: Register } => ({
  ...d,
  register: d.register as unknown as Register,
});
export type RegisterSummary = Schemas['RegisterSummary'];
export type SignOffStatus = Schemas['SignOffStatus'];
export type Me = Schemas['Me'];
export type StoredCatalogue = Schemas['StoredCatalogue'];
export type SignInConfig = Schemas['SignInConfig'];
export type DevMember = Schemas['DevMembers']['members'][number];

/** The download routes of a register version's appendices, as the service's document declares them. */
type AppendixRoute = Extract<keyof paths, `/api/registers/{version}/appendix.${string}`>;
/**
 * The files a register version downloads as, by the extension of their route
 * (GET /api/registers/{version}/appendix.<extension>): the service's CSV format comes as a zip.
 */
export type AppendixExtension = AppendixRoute extends `/api/registers/{version}/appendix.${infer E}` ? E : never;
export const APPENDIX_EXTENSIONS = [
  'docx',
  'xlsx',
  'ods',
  'zip',
  'json',
] as const satisfies readonly AppendixExtension[];

export type FaultKind =
  /** No answer: the network is down or the service unreachable. */
  | 'offline'
  /** 401 after a silent renewal: the user must sign in again. */
  | 'signed-out'
  | 'forbidden'
  /** 403 of type not-a-member: the partnership catalogue does not (or no longer) list the signed-in user. */
  | 'not-a-member'
  | 'not-found'
  /** 409: not possible in the current state. */
  | 'conflict'
  /** 409 of type no-catalogue: the PMG has not set up the partnership catalogue yet. */
  | 'no-catalogue'
  /** 412 / 428: someone saved a newer version. */
  | 'stale'
  /** 422: the workbook has errors (issues). */
  | 'invalid'
  | 'too-large'
  | 'rate-limited'
  | 'server'
  | 'bad-request';

export class ApiFault extends Error {
  constructor(
    readonly kind: FaultKind,
    message: string,
    readonly status: number | null,
    readonly problem: Problem | null = null,
    /** Seconds, from Retry-After (429, 503). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiFault';
  }
  get issues(): ApiIssue[] {
    return this.problem?.issues ?? [];
  }
}

/** Where the pane's tokens come from: the current one, and a silent renewal (null when it needs the user). */
export interface TokenSource {
  token(): Promise<string>;
  renew(): Promise<string | null>;
}

/**
 * The problem types (RFC 9457 `type`, ".../problems/<name>") that say more than their status; every other type
 * the service sends is told by its status alone (test/addin/faultKinds.test.ts lists each).
 */
const KIND_OF_TYPE: Record<string, FaultKind> = {
  'not-a-member': 'not-a-member',
  'no-catalogue': 'no-catalogue',
  'precondition-failed': 'stale',
  'precondition-required': 'stale',
  'invalid-workbook': 'invalid',
  'payload-too-large': 'too-large',
  'too-many-requests': 'rate-limited',
  'service-busy': 'rate-limited',
};

/** A fault's kind from the problem's `type` where it names one, else from the HTTP status. */
function kindOf(status: number, type: string | undefined): FaultKind {
  const named = type ? KIND_OF_TYPE[/\/problems\/([a-z-]+)$/.exec(type)?.[1] ?? ''] : undefined;
  if (named) return named;
  if (status === 401) return 'signed-out';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 412 || status === 428) return 'stale';
  if (status === 413) return 'too-large';
  if (status === 422) return 'invalid';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-request';
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'detail' in value;
}

export function faultOf(response: Response, body: unknown): ApiFault {
  const problem = isProblem(body) ? body : null;
  const retry = Number(response.headers.get('retry-after'));
  const detail = problem?.detail ?? `${response.status} ${response.statusText}`.trim();
  return new ApiFault(
    kindOf(response.status, typeof problem?.type === 'string' ? problem.type : undefined),
    detail,
    response.status,
    problem,
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

type Result<T> = { data?: T; error?: unknown; response: Response };

export interface ApiOptions {
  /** The service's origin, '' for the page's own. */
  baseUrl?: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  /** Called once when a 401 persists after the silent renewal: the one place that sends the user to sign in. */
  onSignedOut?: () => void;
}

export function createApi({ baseUrl = '', tokens, fetch: fetchImpl, onSignedOut }: ApiOptions) {
  const client = createClient<paths>({
    baseUrl,
    // Late-bound, so a test (or the harness) can stub the page's fetch after the client exists.
    fetch: (request: Request) => (fetchImpl ?? globalThis.fetch)(request),
  });
  let token: string | null = null;
  let signedOutHandler = onSignedOut;
  /** Whether the handler has been told of this expiry (calls failing together tell it once). */
  let told = false;

  /** Runs a call with the current token; on a 401, renews once silently and tries again. */
  async function call<T>(
    op: (auth: { Authorization: string }) => Promise<Result<T>>,
  ): Promise<{ data: T; response: Response }> {
    token ??= await tokens.token();
    let result = await send(op, token);
    if (result.response.status === 401) {
      const renewed = await tokens.renew().catch(() => null);
      if (renewed !== null) {
        token = renewed;
        result = await send(op, token);
      }
      if (result.response.status === 401) {
        token = null;
        if (!told) {
          told = true;
          signedOutHandler?.();
        }
        throw new ApiFault(
          'signed-out',
          'Your sign-in has expired. Sign in again to continue.',
          401,
          isProblem(result.error) ? result.error : null,
        );
      }
    }
    if (!result.response.ok) throw faultOf(result.response, result.error);
    told = false;
    return { data: result.data as T, response: result.response };
  }

  async function send<T>(op: (auth: { Authorization: string }) => Promise<Result<T>>, bearer: string) {
    try {
      return await op({ Authorization: `Bearer ${bearer}` });
    } catch (err) {
      throw offline(err);
    }
  }

  return {
    /** Forget the token (sign out). */
    reset(): void {
      token = null;
    },
    /**
     * Sets the one handler for an expired sign-in (a 401 that persists after the silent renewal), called once
     * however many calls fail with it; callers then need not check for `signed-out` themselves. Returns a
     * function that removes it.
     */
    onSignedOut(handler: () => void): () => void {
      signedOutHandler = handler;
      told = false;
      return () => {
        if (signedOutHandler === handler) signedOutHandler = undefined;
      };
    },
    me: () => call((headers) => client.GET('/api/me', { headers })).then((r) => r.data),
    catalogue: () =>
      call((headers) => client.GET('/api/catalogue', { headers })).then((r) => ({
        ...r.data,
        catalogue: r.data.catalogue as unknown as Catalogue,
      })),
    /** The organisation's current submission, or null when it has none yet. */
    async currentSubmission(id: string): Promise<StoredSubmission | null> {
      try {
        return await call((headers) =>
          client.GET('/api/organisations/{id}/submission', { params: { path: { id } }, headers }),
        ).then((r) => storedSubmission(r.data));
      } catch (err) {
        if (err instanceof ApiFault && err.kind === 'not-found') return null;
        throw err;
      }
    },
    /** One version of the organisation's submission (the base a workbook was loaded from), or null when gone. */
    async submissionVersion(id: string, version: number): Promise<StoredSubmission | null> {
      try {
        return await call((headers) =>
          client.GET('/api/organisations/{id}/submissions/{version}', {
            params: { path: { id, version: String(version) } },
            headers,
          }),
        ).then((r) => storedSubmission(r.data));
      } catch (err) {
        if (err instanceof ApiFault && err.kind === 'not-found') return null;
        throw err;
      }
    },
    /** PUT the raw tables, replacing `baseVersion` (null: the organisation's first submission). */
    submit: (id: string, tables: Schemas['RawTables'], baseVersion: number | null, fileName?: string) =>
      call((headers) =>
        client.PUT('/api/organisations/{id}/submission', {
          params: { path: { id } },
          headers: { ...headers, ...(baseVersion !== null ? { 'If-Match': `"${baseVersion}"` } : {}) },
          body: { tables, source: 'addin', ...(fileName ? { fileName } : {}) },
        }),
      ).then((r) => r.data),
    registers: () => call((headers) => client.GET('/api/registers', { headers })).then((r) => r.data.registers),
    register: (version: number) =>
      call((headers) =>
        client.GET('/api/registers/{version}', { params: { path: { version: String(version) } }, headers }),
      ).then((r) => storedRegister(r.data)),
    consolidate: () =>
      call((headers) => client.POST('/api/registers', { headers })).then((r) => storedRegister(r.data)),
    /** An MoU appendix of a register version, as the file the service names. */
    async appendix(version: number, format: AppendixExtension): Promise<{ blob: Blob; fileName: string }> {
      const path = `/api/registers/{version}/appendix.${format}` as '/api/registers/{version}/appendix.docx';
      const { data, response } = await call((headers) =>
        client.GET(path, { params: { path: { version: String(version) } }, headers, parseAs: 'blob' }),
      );
      const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      return { blob: data as unknown as Blob, fileName: named ?? `register-v${version}.${format}` };
    },
    signOffStatus: (version: number) =>
      call((headers) =>
        client.GET('/api/registers/{version}/sign-offs', { params: { path: { version: String(version) } }, headers }),
      ).then((r) => r.data),
    signOff: (version: number, organisationId?: string) =>
      call((headers) =>
        client.POST('/api/registers/{version}/sign-offs', {
          params: { path: { version: String(version) } },
          headers,
          body: organisationId ? { organisationId } : {},
        }),
      ).then((r) => r.data),
    /** Withdraws an organisation's standing sign-off of a register version. */
    withdrawSignOff: (version: number, organisationId: string) =>
      call((headers) =>
        client.POST('/api/registers/{version}/sign-offs/{organisationId}/withdrawal', {
          params: { path: { version: String(version), organisationId } },
          headers,
        }),
      ).then((r) => r.data),
    /** What changed from register version `from` to version `to`. */
    registerDiff: (from: number, to: number) =>
      call((headers) =>
        client.GET('/api/registers/{a}/diff/{b}', { params: { path: { a: String(from), b: String(to) } }, headers }),
      ).then((r) => registerDiff(r.data)),
    /** Whether a file is a true copy of the register version it names (the service's verdict). */
    verify: (file: Blob, fileName: string) =>
      call((headers) => {
        const form = new FormData();
        form.append('file', file, fileName);
        return client.POST('/api/verify', {
          headers,
          body: form as unknown as Schemas['WorkbookUpload'],
          bodySerializer: (body) => body as unknown as FormData,
        });
      }).then((r) => r.data),
  };
}

export type VerifyResult = Schemas['VerifyResult'];

export type Api = ReturnType<typeof createApi>;

function offline(err: unknown): ApiFault {
  const reason = err instanceof Error ? err.message : String(err);
  return new ApiFault(
    'offline',
    `The service cannot be reached (${reason}). Check your connection and try again.`,
    null,
  );
}

/** Calls that need no token: how to sign in, and the development sign-in. */
export function createPublicApi(baseUrl = '', fetchImpl?: typeof fetch) {
  const client = createClient<paths>({
    baseUrl,
    fetch: (request: Request) => (fetchImpl ?? globalThis.fetch)(request),
  });
  async function call<T>(op: () => Promise<Result<T>>): Promise<T> {
    let result: Result<T>;
    try {
      result = await op();
    } catch (err) {
      throw offline(err);
    }
    if (!result.response.ok) throw faultOf(result.response, result.error);
    return result.data as T;
  }
  return {
    signInConfig: () => call(() => client.GET('/api/sign-in')),
    devMembers: () => call(() => client.GET('/api/dev/members')).then((d) => d.members),
    devToken: (email: string) => call(() => client.POST('/api/dev/token', { body: { email } })),
  };
}

export type PublicApi = ReturnType<typeof createPublicApi>;
