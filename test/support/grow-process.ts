// Runs the real `npm start` entrypoint (`node --import tsx src/main.ts`) as a child
// process with a given environment, learns its port from the "web role listening" log
// line, waits for /readyz, and stops it the way an orchestrator does (SIGTERM).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface GrowProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** The process's recent output (pino JSON lines and anything on stderr), for diagnostics. */
  output(): string;
  /** Parsed log lines so far, oldest first. */
  logs(): Record<string, unknown>[];
  /** SIGTERM, then the exit code (null if it died by a signal). */
  stop(timeoutMs?: number): Promise<number | null>;
}

const KEEP_LINES = 400;

/** `env` is added to a minimal environment (PATH, HOME); PORT defaults to 0, a free port. */
export interface GrowProcessOptions {
  readyTimeoutMs?: number;
  /** Further command-line flags (`--exit-on-missing`). */
  args?: string[];
  /** false: return once listening, without waiting for /readyz (a dependency is meant to be missing). */
  waitUntilReady?: boolean;
}

export async function startGrowProcess(env: Record<string, string>, options: GrowProcessOptions = {}): Promise<GrowProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...(options.args ?? [])], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const parsed: Record<string, unknown>[] = [];
  let onPort: ((port: number) => void) | undefined;
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > KEEP_LINES) lines.shift();
  };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    keep(line);
    const entry = parseJson(line);
    if (!entry) return;
    parsed.push(entry);
    if (entry.msg === 'web role listening' && typeof entry.port === 'number') onPort?.(entry.port);
  });
  createInterface({ input: child.stderr! }).on('line', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output = () => lines.join('\n');

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  let timer: NodeJS.Timeout | undefined;
  const port = await Promise.race([
    new Promise<number>((resolve) => (onPort = resolve)),
    exited.then((code) => Promise.reject(new Error(`Grow exited (${code}) before listening:\n${output()}`))),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Grow did not listen in time:\n${output()}`)), deadline - Date.now());
    }),
  ]).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  }).finally(() => clearTimeout(timer));
  const url = `http://127.0.0.1:${port}`;
  while (options.waitUntilReady !== false && !(await isReady(url))) {
    if (child.exitCode !== null) throw new Error(`Grow exited (${child.exitCode}) before it was ready:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Grow was not ready in time:\n${output()}`);
    }
    await sleep(100);
  }

  return {
    url,
    port,
    child,
    output,
    logs: () => [...parsed],
    async stop(timeoutMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(3_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

function parseJson(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
