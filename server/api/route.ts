/**
 * A route is declared once, as data: method, path, access rule, zod schemas of its parameters, query and
 * body, its responses and its handler. The same declaration mounts it on Express, validates its requests and
 * documents it in the OpenAPI document, so the document lists exactly the routes that exist.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { ZodType, z } from 'zod';
import type { Principal } from '../auth/types.js';
import type { Access } from './access.js';

export type Method = 'get' | 'put' | 'post';

export interface ResponseDoc {
  description: string;
  schema?: ZodType;
  /** Default application/json. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal | null;
  /** The uploaded file, on routes that take one. */
  file: { buffer: Buffer; originalname: string; size: number } | null;
  /** The JSON body's bytes, unparsed, on `rawJson` routes (null when the request had no body). */
  rawBody: Buffer | null;
  req: Request;
  res: Response;
}

export interface RouteSpec<P extends ZodType, Q extends ZodType, B extends ZodType> {
  method: Method;
  /** OpenAPI style, below /api: `/organisations/{id}/submission`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
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
  rawJson?: true;
  /** Accepts a multipart upload in the field `file`: 'only' (no JSON) or 'or-json' (either). */
  upload?: 'only' | 'or-json';
  /** Request headers, for the document only. */
  headers?: ZodType;
  responses: Record<number, ResponseDoc>;
  handler: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<void>;
}

/** A route with its types erased, for lists of routes. */
export interface AnyRoute {
  method: Method;
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  bodyDoc?: ZodType;
  rawJson?: true;
  upload?: 'only' | 'or-json';
  headers?: ZodType;
  responses: Record<number, ResponseDoc>;
  handler: (input: RouteInput<unknown, unknown, unknown>) => Promise<void>;
}

export function defineRoute<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType>(
  spec: RouteSpec<P, Q, B>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** `/organisations/{id}/submission` -> `/organisations/:id/submission` */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * A regular expression matching concrete paths of a route as Express routes them (ignoring case, an optional
 * trailing slash): for 405 detection and for choosing a route's body parser before routing.
 */
export function pathPattern(path: string): RegExp {
  const parts = path.split(/\{\w+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}/?$`, 'i');
}

export type { RequestHandler };
