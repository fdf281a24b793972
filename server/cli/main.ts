/** Entry point of the `oda-register` bin (bin/oda-register.js). */
import { runCli } from './program.js';

// A reader that goes away (`oda-register status | head -1`) ends the output, not the command: what is left
// to print is dropped and the command finishes its work and exits with its own code, with no EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
