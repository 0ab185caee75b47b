/**
 * The real service as a child process for the benchmarks: `node --import tsx src/main.ts` with
 * a temporary database, a queue prefix of its own and an ephemeral port, as
 * tests/integration/restart.test.ts starts it. The "GridGuard is up" log line gives the URL;
 * the child's log is read and dropped (a full pipe would stall it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { BENCH_REDIS_URL } from './support.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The node flags of `npm start` (package.json), so the bench measures the process operators
 * run: e.g. `--max-old-space-size`.
 */
export const START_FLAGS: string[] = (() => {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  // The words between `node` and `--import` (the script may start with `exec node`).
  return start.slice(start.indexOf('node') + 1, start.indexOf('--import'));
})();

export interface ServiceOptions {
  dir: string;
  prefix: string;
  /** Database file name inside `dir`. */
  db: string;
  /** Changes to bots/demo.yaml (e.g. the send interval). */
  tweak?: (profile: Record<string, any>) => void;
  /** Directory for `--cpu-prof` output, when profiling. */
  cpuProfDir?: string;
  logLevel?: string;
  /** More node flags for the child (e.g. `--heapsnapshot-signal=SIGUSR2`). */
  nodeArgs?: string[];
}

export interface Service {
  child: ChildProcess;
  url: string;
  pid: number;
  /** Lines of the child's log that matched `keep` (e.g. warnings). */
  kept: string[];
  /** Resident memory of the child now (bytes), from /proc. */
  rss(): number;
  stop(): Promise<void>;
}

/** Writes a copy of the demo profile with `tweak` applied; returns its path. */
export function writeProfile(dir: string, tweak?: (p: Record<string, any>) => void): string {
  const profile = parse(readFileSync(join(ROOT, 'bots/demo.yaml'), 'utf8')) as Record<string, any>;
  tweak?.(profile);
  const path = join(dir, 'bench-profile.yaml');
  writeFileSync(path, stringify(profile));
  return path;
}

/** The environment of a bench child process: nothing from a developer's .env leaks in. */
export function serviceEnv(o: Pick<ServiceOptions, 'dir' | 'prefix' | 'db' | 'tweak' | 'logLevel'>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    GRIDGUARD_PROFILE: writeProfile(o.dir, o.tweak),
    DATABASE_PATH: join(o.dir, o.db),
    REDIS_URL: BENCH_REDIS_URL,
    QUEUE_PREFIX: o.prefix,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    WECHATY_PUPPET: 'wechaty-puppet-mock',
    LOG_LEVEL: o.logLevel ?? 'info',
  };
}

/** Resident set size of a process (Linux /proc), in bytes; NaN elsewhere. */
export function rssOf(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Starts the service and resolves once it logged "GridGuard is up". */
export function startService(o: ServiceOptions, keep: RegExp = /"level":(40|50|60)/): Promise<Service> {
  const args = [...(o.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', o.cpuProfDir] : []), ...START_FLAGS, ...(o.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: serviceEnv(o), stdio: ['ignore', 'pipe', 'pipe'] });
  const kept: string[] = [];
  let head = '';
  let up = false;
  let tail = '';
  const onData = (d: Buffer) => {
    const text = tail + d.toString('utf8');
    const lines = text.split('\n');
    tail = lines.pop() ?? '';
    for (const line of lines) {
      if (!up) head += `${line}\n`;
      if (keep.test(line) && kept.length < 200) kept.push(line.slice(0, 500));
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  return new Promise((resolvePromise, reject) => {
    const timeout = setTimeout(() => reject(new Error(`the service did not start within 60 s:\n${head.slice(-3000)}`)), 60_000);
    const onUp = (d: Buffer) => {
      const m = /"url":"(http:[^"]+)".*"msg":"GridGuard is up"/.exec(head + d.toString('utf8'));
      if (!m || up) return;
      up = true;
      clearTimeout(timeout);
      child.stdout!.off('data', onUp);
      resolvePromise({
        child,
        url: m[1]!,
        pid: child.pid!,
        kept,
        rss: () => rssOf(child.pid!),
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
            await exited;
            clearTimeout(killer);
          }
        },
      });
    };
    child.stdout!.on('data', onUp);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      if (!up) reject(new Error(`the service exited with ${code} before it was up:\n${head.slice(-3000)}`));
    });
  });
}
