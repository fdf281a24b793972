/** The command line run in-process as a user sees it: its exit code, and what it wrote to stdout and stderr. */
import { Writable } from 'node:stream';
import { runCli } from '../../server/cli/program.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** Runs `args` in `cwd` with `env` (and USER=tester). */
export async function runCliIn(
  cwd: string,
  env: Record<string, string | undefined>,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, { stdout, stderr, env: { ...env, USER: 'tester' }, cwd });
  return { code, out: stdout.text, err: stderr.text };
}
