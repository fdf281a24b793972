/**
 * Rate limits per signed-in member (else per client address) and window: one budget for writes, one for
 * reads. A request over its budget gets a 429 problem saying when to retry. Requests without a valid token are
 * counted too, by address (the API's routes run the limiter after authentication, whatever its outcome).
 */
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Principal } from '../auth/types.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { ProblemError, sendProblem } from './problem.js';

export interface RateLimits {
  /** For every write (non-GET) route; null when off. */
  writes: RequestHandler | null;
  /** For members' GET routes (diffs and registers are heavy to read); null when off. */
  reads: RequestHandler | null;
}

export function rateLimits(
  config: Pick<Config, 'rateLimitWindowMs' | 'rateLimitWrites' | 'rateLimitReads'>,
  clock: Clock,
): RateLimits {
  const limiter = (limit: number, what: string): RequestHandler | null =>
    limit > 0
      ? rateLimit({
          windowMs: config.rateLimitWindowMs,
          limit,
          standardHeaders: 'draft-8',
          legacyHeaders: false,
          keyGenerator: (req: Request, res: Response) => {
            const principal = res.locals.principal as Principal | null | undefined;
            return principal ? `user:${principal.email}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
          },
          handler: (req: Request, res: Response) => {
            const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
            const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - clock.now().getTime()) / 1000)) : 60;
            sendProblem(
              res,
              new ProblemError(
                'too-many-requests',
                `Too many ${what} in a short time (at most ${limit} per ${Math.round(config.rateLimitWindowMs / 1000)} s); try again in ${seconds} s.`,
                { headers: { 'Retry-After': String(seconds) } },
              ),
              req.originalUrl.split('?')[0],
              typeof req.id === 'string' ? req.id : undefined,
            );
          },
        })
      : null;
  return { writes: limiter(config.rateLimitWrites, 'changes'), reads: limiter(config.rateLimitReads, 'reads') };
}
