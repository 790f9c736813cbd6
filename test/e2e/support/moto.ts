import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** Bounded waits: a moto that is not up after this long will not come up. */
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * Where moto's server comes from, in order: TENANTFORM_MOTO_SERVER, the
 * project venv that scripts/setup-python-tools.sh creates when the machine's
 * moto is too old, then PATH.
 */
export function findMotoServer(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.TENANTFORM_MOTO_SERVER;
  if (explicit !== undefined && explicit !== '') return explicit;
  const venv = join(REPO_ROOT, '.venv', 'moto', 'bin', 'moto_server');
  if (existsSync(venv)) return venv;
  return 'moto_server';
}

/** A free TCP port on 127.0.0.1, as the OS hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not read the port the OS assigned'));
      });
    });
  });
}

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** The account every request is served as (MOTO_ACCOUNT_ID). */
  readonly accountId: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Last resort if a test run dies without afterAll: never leave emulators behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function waitUntilUp(endpoint: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}; see ${logPath}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${START_TIMEOUT_MS} ms; see ${logPath}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), STOP_TIMEOUT_MS).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Starts moto's server on 127.0.0.1 on a free port, serving every request as
 * `accountId`. One server per account is how the stacks' real
 * `allowed_account_ids` pin is honoured: the provider asks STS who it is and
 * moto answers with MOTO_ACCOUNT_ID.
 */
export async function startMoto(options: { accountId: string; logDirectory: string }): Promise<MotoServer> {
  mkdirSync(options.logDirectory, { recursive: true });
  const logPath = join(options.logDirectory, `moto-${options.accountId}.log`);
  const binary = findMotoServer();
  let lastError: unknown;
  // The port can be taken between probing and binding; a couple of tries covers that race.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const log = openSync(logPath, 'a');
    const child = spawn(binary, ['-H', '127.0.0.1', '-p', String(port)], {
      // AWS managed policies (AmazonSSMManagedInstanceCore, ...) exist only when moto is told to load them.
      env: { ...process.env, MOTO_ACCOUNT_ID: options.accountId, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    running.add(child);
    const spawnError = new Promise<never>((_, reject) =>
      child.once('error', (e) => reject(new Error(`cannot start ${binary}: ${e.message}. Run scripts/setup-python-tools.sh or set TENANTFORM_MOTO_SERVER.`))),
    );
    try {
      await Promise.race([waitUntilUp(endpoint, child, logPath), spawnError]);
      return { endpoint, accountId: options.accountId, stop: () => stopChild(child) };
    } catch (error) {
      lastError = error;
      await stopChild(child);
    }
  }
  throw lastError;
}

/** One moto server per AWS account, started on first use and all stopped together. */
export class MotoPool {
  private readonly servers = new Map<string, Promise<MotoServer>>();

  constructor(private readonly logDirectory: string) {}

  forAccount(accountId: string): Promise<MotoServer> {
    let server = this.servers.get(accountId);
    if (server === undefined) {
      server = startMoto({ accountId, logDirectory: this.logDirectory });
      this.servers.set(accountId, server);
    }
    return server;
  }

  async stopAll(): Promise<void> {
    const all = [...this.servers.values()];
    this.servers.clear();
    await Promise.all(all.map(async (s) => (await s.catch(() => undefined))?.stop()));
  }
}
