/** What the route handlers need, handed over by createApp. */
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/types.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../store/types.js';
import type { Workers } from '../workers/workers.js';

export interface ApiDeps {
  store: Store;
  auth: Authenticator;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Reads uploaded files and checks submitted workbooks (on worker threads in the service). */
  workers: Workers;
}
