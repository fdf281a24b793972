/**
 * Body parsers, mounted per route (server/api/mount.ts) after the caller is authenticated, so that no body is
 * read for a request that will be refused: JSON parsed, or JSON kept as bytes for a route that checks it off
 * the event loop, both under JSON_BODY_LIMIT.
 */
import express, { type Request, type RequestHandler } from 'express';

const isJson = (req: Request) => Boolean(req.is(['application/json', 'application/*+json']));

export interface BodyParsers {
  json: RequestHandler;
  /** The JSON body as a Buffer in req.body. */
  rawJson: RequestHandler;
}

export function bodyParsers(jsonBodyLimit: number): BodyParsers {
  return {
    json: express.json({ limit: jsonBodyLimit, type: (req) => isJson(req as Request) }),
    rawJson: express.raw({ limit: jsonBodyLimit, type: (req) => isJson(req as Request) }),
  };
}
