#!/usr/bin/env node
// The `oda-register` command line: the compiled JavaScript in dist/ (built by `npm install`), or the
// TypeScript sources through tsx when dist/ is missing or older than them (bin/launch.js). The note saying so
// goes to a terminal only, so scripts and pipes get exactly the command's output.
import { load } from './launch.js';

await load('cli', (note) => {
  if (process.stderr.isTTY) process.stderr.write(`${note}\n`);
});
