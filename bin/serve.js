#!/usr/bin/env node
// `npm start` (`exec node bin/serve.js`): the service in this very process, so SIGTERM and SIGINT reach it.
// The compiled JavaScript in dist/, or the TypeScript sources through tsx when dist/ is missing or older than
// them (bin/launch.js), with a line on stderr saying so.
import { load } from './launch.js';

const service = await load('service', (note) => process.stderr.write(`${note}\n`));
service.runMain();
