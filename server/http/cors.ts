/** CORS for the origins allowed to call the API from a browser (CORS_ORIGINS); every other origin gets none. */
import cors from 'cors';
import type { RequestHandler } from 'express';

export function corsAllowList(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'X-Request-Id'],
    methods: ['GET', 'HEAD', 'PUT', 'POST'],
    maxAge: 600,
  });
}
