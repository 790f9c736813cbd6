import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** Bounded waits: a moto that is not up after this long will not come up. */
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** The wrapper that applies test/e2e/emulator-fixes before moto's server starts. */
export const EMULATOR_FIXES_SERVER = join(REPO_ROOT, 'test', 'e2e', 'emulator-fixes', 'serve.py');

/**
 * The Python interpreter that owns moto, in order: TENANTFORM_MOTO_PYTHON, the
 * project venv that scripts/setup-python-tools.sh creates when the machine's
 * moto is older than the pin, then `python3` on PATH (the setup script checked
 * that its moto is new enough). moto's server runs under it through
 * EMULATOR_FIXES_SERVER, so every emulator fix is loaded.
 */
export function findMotoPython(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.TENANTFORM_MOTO_PYTHON;
  if (explicit !== undefined && explicit !== '') return explicit;
  const venv = join(REPO_ROOT, '.venv', 'moto', 'bin', 'python');
  if (existsSync(venv)) return venv;
  return 'python3';
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
    if (child.exitCode !== null) throw new Error(`moto's server exited with ${child.exitCode}; see ${logPath}`);
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
export async function startMoto(options: { accountId: string; logDirectory: string; memberAccounts?: readonly string[] }): Promise<MotoServer> {
  mkdirSync(options.logDirectory, { recursive: true });
  const logPath = join(options.logDirectory, `moto-${options.accountId}.log`);
  const python = findMotoPython();
  let lastError: unknown;
  // The port can be taken between probing and binding; a couple of tries covers that race.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const log = openSync(logPath, 'a');
    const child = spawn(python, [EMULATOR_FIXES_SERVER, '-H', '127.0.0.1', '-p', String(port)], {
      // AWS managed policies (AmazonSSMManagedInstanceCore, ...) exist only when moto is told to load them.
      env: {
        ...process.env,
        MOTO_ACCOUNT_ID: options.accountId,
        MOTO_IAM_LOAD_MANAGED_POLICIES: 'true',
        // Joined to an organization this server creates (emulator-fixes/fixes/organizations_member_accounts.py).
        TENANTFORM_MOTO_MEMBER_ACCOUNTS: (options.memberAccounts ?? []).join(','),
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    running.add(child);
    const spawnError = new Promise<never>((_, reject) =>
      child.once('error', (e) => reject(new Error(`cannot start ${python}: ${e.message}. Run scripts/setup-python-tools.sh or set TENANTFORM_MOTO_PYTHON.`))),
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

  /** `memberAccounts`: the accounts an organization created on any of these servers starts with (the example's other accounts). */
  constructor(
    private readonly logDirectory: string,
    private readonly memberAccounts: readonly string[] = [],
  ) {}

  forAccount(accountId: string): Promise<MotoServer> {
    let server = this.servers.get(accountId);
    if (server === undefined) {
      server = startMoto({ accountId, logDirectory: this.logDirectory, memberAccounts: this.memberAccounts.filter((a) => a !== accountId) });
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

/**
 * Extra terraform environment for a stack served by moto at `endpoint`. S3
 * Control addresses the account as a host name (`<account>.127.0.0.1:<port>`),
 * which does not resolve; with moto as the HTTP proxy such requests reach it
 * with their Host intact. Go never proxies loopback addresses, so every other
 * call still goes straight to moto.
 */
export function proxyThroughMoto(endpoint: string): NodeJS.ProcessEnv {
  return { HTTP_PROXY: endpoint, http_proxy: endpoint, NO_PROXY: '', no_proxy: '' };
}
