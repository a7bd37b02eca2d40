/**
 * The bot as a real operating-system process (`node dist/main.js` or `tsx src/main.ts`), for tests
 * and benchmarks that need signals, exit codes and memory as an operator sees them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

export interface BotProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** Milliseconds from spawn until /readyz answered 200. */
  waitReady(timeoutMs?: number): Promise<number>;
  kill(signal?: NodeJS.Signals): void;
}

export interface SpawnBotOptions {
  /** The arguments after `node` (default the compiled bot: dist/main.js). */
  args?: string[];
  cwd?: string;
  env?: Record<string, string>;
}

/**
 * The example config without status probes (they name real hosts; tests and benchmarks send
 * traffic only to this machine), with the folders it names beside it.
 */
export function quietExampleConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-infra-bot-config-'));
  const doc = parseDocument(readFileSync('config/infra.yaml', 'utf8'));
  doc.setIn(['status', 'scheduled'], false);
  // No probe at all: a `status` command would otherwise check the real services live.
  const services = doc.get('services') as { items: { set(key: string, value: unknown): void }[] } | undefined;
  for (const service of services?.items ?? []) service.set('probes', []);
  writeFileSync(join(dir, 'infra.yaml'), doc.toString());
  cpSync('config/dns', join(dir, 'dns'), { recursive: true });
  cpSync('config/k8s.io', join(dir, 'k8s.io'), { recursive: true });
  return join(dir, 'infra.yaml');
}

/** A port free on loopback right now (for a process that must be told its port up front). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the process; with PORT 0 (the default) the port is read from its start-up log line. */
export async function spawnBot(options: SpawnBotOptions = {}): Promise<BotProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, options.args ?? ['dist/main.js'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  // A fixed PORT needs no start-up line (a benchmark runs with LOG_LEVEL=warn); 0 is read from the log.
  const fixedPort = Number(options.env?.PORT ?? 0);
  const port = fixedPort > 0 ? fixedPort : await new Promise<number>((resolve, reject) => {
    const look = () => {
      const m = /"port":(\d+)[^\n]*"msg":"k8s-infra-bot listening"/.exec(out) ?? /localhost:(\d+)\/sandbox/.exec(out);
      if (m) {
        child.stdout!.off('data', look);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => reject(new Error(`bot exited with ${code} before listening:\n${out}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    child,
    port,
    url,
    output: () => out,
    exited,
    async waitReady(timeoutMs = 20_000) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        const r = await fetch(`${url}/readyz`).catch(() => undefined);
        if (r?.status === 200) return performance.now() - started;
        await new Promise((res) => setTimeout(res, 10));
      }
      throw new Error(`not ready within ${timeoutMs} ms:\n${out}`);
    },
    kill: (signal: NodeJS.Signals = 'SIGTERM') => void child.kill(signal),
  };
}
