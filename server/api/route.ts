/**
 * A route is declared once, as data: method, path, operation id, access rule, zod schemas of its parameters,
 * query and body, its responses and its handler. The same declaration mounts it on Express, validates its
 * requests and documents it in the OpenAPI document, so the document lists exactly the routes that exist. The
 * handler's input is typed by the declaration: an authenticated route always has its principal, an upload
 * route its file, a raw JSON route its bytes.
 */
import type { Request, Response } from 'express';
import type { ZodType, z } from 'zod';
import type { Principal } from '../auth/types.js';
import type { StoredCatalogue } from '../store/types.js';
import type { Access } from './access.js';
import type { ApiTag } from './tags.js';

export type Method = 'get' | 'put' | 'post';

/** Accepts a multipart upload in the field `file`: 'only' (no JSON) or 'or-json' (either). */
export type UploadMode = 'only' | 'or-json';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export interface ResponseDoc {
  description: string;
  schema?: ZodType;
  /** Default application/json. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** Who calls: nobody in particular on a public route, a member of the partnership on any other. */
export type PrincipalOf<A extends Access> = A extends 'public' ? null : Principal;
/** The uploaded file: always there on an upload-only route, there or not where JSON is the alternative. */
export type FileOf<U> = U extends 'only' ? UploadedFile : U extends 'or-json' ? UploadedFile | null : null;
/** The JSON body's bytes: always there on a rawJson route, unless it also takes an upload and got one. */
export type RawBodyOf<R> = R extends true ? Buffer : null;

/**
 * The uploaded file (on routes that take one) and the JSON body's bytes, unparsed (on `rawJson` routes). A route
 * taking either a file or raw JSON (validate) gets exactly one of them.
 */
export type BodyPartsOf<U, R> = U extends 'or-json'
  ? R extends true
    ? { file: UploadedFile; rawBody: null } | { file: null; rawBody: Buffer }
    : { file: UploadedFile | null; rawBody: null }
  : { file: FileOf<U>; rawBody: RawBodyOf<R> };

export type RouteInput<P, Q, B, A extends Access = Access, U = undefined, R = undefined> = {
  params: P;
  query: Q;
  body: B;
  principal: PrincipalOf<A>;
  /**
   * The catalogue as read to authenticate the caller (null before the PMG loads one): one snapshot per
   * request, for the handler too. Null on public routes.
   */
  catalogue: A extends 'public' ? null : StoredCatalogue | null;
  req: Request;
  res: Response;
} & BodyPartsOf<U, R>;

export interface RouteSpec<
  P extends ZodType,
  Q extends ZodType,
  B extends ZodType,
  A extends Access,
  U extends UploadMode | undefined,
  R extends true | undefined,
> {
  method: Method;
  /** OpenAPI style, below /api: `/organisations/{id}/submission`. */
  path: string;
  /** The operation's name in the OpenAPI document (and so in generated clients): camelCase, unique. */
  operationId: string;
  summary: string;
  description?: string;
  /** One of API_TAGS (tags.ts), each described in the document. */
  tag: ApiTag;
  access: A;
  /** Not rate limited: the health probes, which a load balancer calls all the time. */
  unlimited?: true;
  params?: P;
  query?: Q;
  /** JSON body schema. */
  body?: B;
  /** Documents the body instead of `body`, when the handler validates it itself. */
  bodyDoc?: ZodType;
  /**
   * The JSON body is handed over unparsed (`rawBody`), for a handler that parses and checks it off the event
   * loop; `bodyDoc` documents it. Size limit, media type and charset are checked as for any JSON body.
   */
  rawJson?: R;
  upload?: U;
  /** Request headers, for the document only. */
  headers?: ZodType;
  /**
   * The responses the handler sends. The problems every route of its kind can answer (401 and 403 when
   * authenticated, 400 for bad parameters, 413 and 415 for a body, 429 when rate limited) are added by
   * routeResponses.
   */
  responses: Record<number, ResponseDoc>;
  handler: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>, A, U, R>) => Promise<void>;
}

/** A route with its types erased, for lists of routes. */
export interface AnyRoute {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: ApiTag;
  access: Access;
  unlimited?: true;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  bodyDoc?: ZodType;
  rawJson?: true;
  upload?: UploadMode;
  headers?: ZodType;
  responses: Record<number, ResponseDoc>;
  handler: (
    input: RouteInput<unknown, unknown, unknown, Access, UploadMode | undefined, true | undefined>,
  ) => Promise<void>;
}

export function defineRoute<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
  A extends Access = Access,
  U extends UploadMode | undefined = undefined,
  R extends true | undefined = undefined,
>(spec: RouteSpec<P, Q, B, A, U, R>): AnyRoute {
  // The erased handler is called only by mount.ts, which builds its input as the declaration promises.
  return spec as unknown as AnyRoute;
}

/** `/organisations/{id}/submission` -> `/organisations/:id/submission` */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * A regular expression matching concrete paths of a route as Express routes them (ignoring case, an optional
 * trailing slash): for 405 detection and for the response check of the tests.
 */
export function pathPattern(path: string): RegExp {
  const parts = path.split(/\{\w+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}/?$`, 'i');
}
