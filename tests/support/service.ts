/**
 * The service as a real process (`node --import tsx src/main.ts`, as `npm start` runs it) for
 * the fault suite: start it, kill it, read what it logged, and await what it does through its
 * public HTTP API (`/sandbox/messages`, `/api/v1/cases/:id`) and its Redis queues.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { parse, stringify } from 'yaml';
import { outboundQueue } from '../../src/wire/names.js';
import type { TranscriptEntry } from '../../src/store/transcript.js';
import { afterAll, beforeAll } from 'vitest';
import { deleteKeys, tempDir, TEST_REDIS_URL, uniquePrefix } from './env.js';

/** The bot id of the fault profile (the profile's file name). */
export const FAULT_BOT_ID = 'fault';
export const BOT_NAME = '网格哨兵';

type Policy = { ackWithin: string; resolveWithin: string; stepEvery?: string; repeatEvery?: string; chain: string[] };

/**
 * Writes `fault.yaml`: the demo org, no send interval, and deadlines far enough away that no
 * escalation mixes into a test unless `policy` brings one closer.
 */
export function writeFaultProfile(dir: string, policy: Partial<Record<'urgent' | 'high' | 'medium' | 'low', Policy>> = {}): string {
  const profile = parse(readFileSync('bots/demo.yaml', 'utf8'));
  profile.bot.sendInterval = '0ms';
  const calm: Policy = { ackWithin: '1h', resolveWithin: '2h', stepEvery: '1h', chain: ['assignee', 'lead'] };
  profile.policy = { urgent: calm, high: calm, medium: calm, low: { ...calm, chain: [] }, ...policy };
  const path = join(dir, `${FAULT_BOT_ID}.yaml`);
  writeFileSync(path, stringify(profile));
  return path;
}

/** The environment of a service process: nothing of the test runner's leaks in. */
export function serviceEnv(dir: string, prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH!,
    GRIDGUARD_PROFILE: join(dir, `${FAULT_BOT_ID}.yaml`),
    DATABASE_PATH: join(dir, 'g.db'),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    HTTP_PORT: '0',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** When the service logged "GridGuard is up". */
  upAt: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when a line matching `re` appears (already written ones count); rejects after `timeoutMs`. */
  logged(re: RegExp, timeoutMs?: number): Promise<void>;
  exited(): boolean;
  /** SIGKILL: no shutdown code runs (a crash, the OOM killer). Resolves on exit. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

/**
 * Starts the service; resolves once it is up, rejects if it exits first or takes over 30 s.
 * `args` are node's (a build runs as `[dir + '/main.js']`).
 */
export function startService(env: Record<string, string>, args: string[] = ['--import', 'tsx', 'src/main.ts']): Promise<ServiceProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d;
    for (const w of waiters) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let exitedFlag = false;
  const exit = new Promise<void>((res) =>
    child.once('exit', () => {
      exitedFlag = true;
      res();
    }),
  );

  const logged = (re: RegExp, timeoutMs = 10_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!re.test(out)) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the service did not log ${re} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the service was not up within 30 s:\n${out.slice(-3000)}`));
    }, 30_000);
    const onUp = () => {
      const m = /"url":"(http:[^"]+)".*"msg":"GridGuard is up"/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      waiters.delete(onUp);
      resolve({
        child,
        url: m[1]!,
        upAt: Date.now(),
        output: () => out,
        logged,
        exited: () => exitedFlag,
        async kill() {
          if (!exitedFlag) child.kill('SIGKILL');
          await exit;
        },
        async stop() {
          if (exitedFlag) return;
          child.kill('SIGTERM');
          const hard = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exit;
          clearTimeout(hard);
        },
      });
    };
    waiters.add(onUp);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`the service exited before it was up:\n${out.slice(-3000)}`));
    });
  });
}

/** Polls `probe` every `everyMs` until it returns something other than undefined/null/false. */
export async function until<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs: number, what: string, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${what}: not within ${timeoutMs} ms${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every message of the sandbox (all pages of `/sandbox/messages`). */
export async function transcript(url: string, after = 0, headers: Record<string, string> = {}): Promise<TranscriptEntry[]> {
  const all: TranscriptEntry[] = [];
  for (let from = after; ; ) {
    const res = await fetch(`${url}/sandbox/messages?after=${from}`, { headers });
    if (!res.ok) throw new Error(`GET /sandbox/messages answered ${res.status}`);
    const page = (await res.json()) as TranscriptEntry[];
    all.push(...page);
    if (page.length === 0) return all;
    from = page.at(-1)!.seq;
  }
}

/** The case as the API shows it, or null when it does not exist (waits out the look-up rate limit). */
export async function caseOf(url: string, caseId: string): Promise<any> {
  for (;;) {
    const res = await fetch(`${url}/api/v1/cases/${caseId}`);
    if (res.status === 429) {
      await res.body?.cancel();
      await new Promise((r) => setTimeout(r, Math.min(2, Number(res.headers.get('retry-after')) || 1) * 1000));
      continue;
    }
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`GET /api/v1/cases/${caseId} answered ${res.status}`);
    return res.json();
  }
}

const LEVEL_ZH = '紧急|高危|中危|低危';

/** The dispatch messages of a case: the masked one in its task room and the private full record. */
export function dispatchesOf(messages: TranscriptEntry[], caseId: string): { group: TranscriptEntry[]; private: TranscriptEntry[] } {
  const headline = new RegExp(`【(?:${LEVEL_ZH})预警】${caseId}(?![A-Za-z0-9])`);
  const mine = messages.filter((m) => m.from === BOT_NAME && headline.test(m.text));
  return { group: mine.filter((m) => m.room !== null), private: mine.filter((m) => m.room === null) };
}

/** Case ids of every dispatch message in the transcript (with repeats: one per message). */
export function dispatchedCaseIds(messages: TranscriptEntry[]): string[] {
  const re = new RegExp(`【(?:${LEVEL_ZH})预警】([A-Za-z0-9]+)`);
  return messages.filter((m) => m.from === BOT_NAME && m.room !== null).flatMap((m) => re.exec(m.text)?.[1] ?? []);
}

/** The bot's outbound queue (of the fault profile by default), to see what waits to be sent. */
export function outbound(prefix: string, botId = FAULT_BOT_ID, redisUrl = TEST_REDIS_URL): Queue {
  return new Queue(outboundQueue(botId), { connection: { url: redisUrl, maxRetriesPerRequest: 1 }, prefix });
}

/** Jobs not yet finished in a queue (waiting, prioritized, delayed, active). */
export async function pendingJobs(queue: Queue): Promise<number> {
  const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'waiting-children');
  return Object.values(c).reduce((a, b) => a + b, 0);
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json };
}

/**
 * A redis-server of a test's own (never the shared one): started without persistence on a
 * free port, killed with SIGKILL and started again empty, to play an outage.
 */
export interface PrivateRedis {
  url: string;
  port: number;
  /** Starts it; resolves when it answers PING. */
  start(): Promise<void>;
  /** SIGKILL, and waits for the exit (no-op when it is not running). */
  kill(): Promise<void>;
}

export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  return {
    url,
    port,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
      const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
      client.on('error', () => {}); // refused until the server listens
      try {
        await until(async () => {
          await client.connect().catch(() => {});
          return (await client.ping()) === 'PONG';
        }, 5000, `redis-server on port ${port} answers`, 50);
      } finally {
        client.disconnect();
      }
    },
    async kill() {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((res) => c.once('exit', res));
      c.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * One fault test file's fixture: a unique Redis prefix, a temporary directory with the fault
 * profile, the outbound queue to watch, and the cleanup after (the services `running` returns
 * are stopped, the queue closed, the prefix's keys deleted, the directory removed).
 */
export function faultSuite(name: string, policy: Parameters<typeof writeFaultProfile>[1] = {}, running: () => (ServiceProcess | null)[] = () => []) {
  const prefix = uniquePrefix(name);
  const state: { dir: string; cleanup: () => void; queue: Queue | null } = { dir: '', cleanup: () => {}, queue: null };
  beforeAll(() => {
    const tmp = tempDir();
    Object.assign(state, { dir: tmp.dir, cleanup: tmp.cleanup, queue: outbound(prefix) });
    writeFaultProfile(tmp.dir, policy);
  });
  afterAll(async () => {
    await Promise.all(running().map((s) => s?.stop()));
    await state.queue?.close();
    await deleteKeys(prefix);
    state.cleanup();
  });
  return {
    prefix,
    /** The temporary directory (profile, database). */
    get dir() {
      return state.dir;
    },
    /** The outbound queue of the fault bot under this prefix. */
    get queue() {
      return state.queue!;
    },
  };
}
