/** The real service as a child process (server/main.ts through tsx, or the program `args` name) on a free port. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';

/** A TCP port that was free on loopback a moment ago (the system picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Service {
  child: ChildProcessWithoutNullStreams;
  port: number;
  /** `http://<HOST>:<port>/api` (localhost unless `env` sets HOST). */
  base: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
}

/**
 * Starts server/main.ts with HOME and DATA_DIR as given, PORT free, silent logs and NODE_ENV=development, plus
 * `env`, and resolves once it prints "serving" (it is killed and the promise rejects if it exits or has not
 * started within START_LIMIT_MS).
 */
const START_LIMIT_MS = 90_000;

export async function startService(opts: {
  home: string;
  dataDir: string;
  env?: Record<string, string>;
  /** Node's arguments: the sources through tsx unless told (test/cli/bundle.test.ts runs the bundle). */
  args?: string[];
}): Promise<Service> {
  const port = await freePort();
  const child = spawn(process.execPath, opts.args ?? ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      HOME: opts.home,
      DATA_DIR: opts.dataDir,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
      ...opts.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  // Waits for the line, the exit, or START_LIMIT_MS (generous: a loaded CI machine can take many seconds).
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, START_LIMIT_MS);
    const check = () => {
      if (out.includes('serving') || child.exitCode !== null || child.signalCode !== null) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        child.stderr.off('data', check);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then(check);
    check();
  });
  if (!out.includes('serving')) {
    child.kill('SIGKILL');
    throw new Error(`the service did not start:\n${out}`);
  }
  const host = opts.env?.HOST ?? 'localhost';
  return { child, port, base: `http://${host}:${port}/api`, exited, output: () => out };
}
