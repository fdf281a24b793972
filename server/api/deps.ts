/** What the route handlers need, handed over by createApp. */
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/types.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Store } from '../store/types.js';

export interface ApiDeps {
  store: Store;
  auth: Authenticator;
  clock: Clock;
  logger: Logger;
  config: Config;
}
