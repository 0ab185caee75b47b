/**
 * Finding Redis at start-up, exactly as DESIGN.md says: REDIS_URL set and silent → one
 * clear line and a non-zero exit; unset and nothing on the default address → a private
 * `redis-server` child on a free port with `noeviction`, stopped on exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Log } from '../log.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Redis cannot be reached (or started); the message says what to do. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

export interface RedisEndpoint {
  url: string;
  /** Stops the private redis-server, when we started one. */
  stop(): Promise<void>;
  private: boolean;
}

/** The one line said when the configured Redis does not answer. */
export function unansweredRedis(url: string): string {
  return `Redis at ${url} does not answer; start it (redis-server --port ${portOf(url)}) or point REDIS_URL at a running Redis`;
}

/** Answers true when a PING on `url` succeeds within `timeoutMs`. Never hangs, never retries. */
export async function redisAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function startPrivateRedis(log: Log, defaultUrl: string): Promise<RedisEndpoint> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gridguard-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', dir];
  const child: ChildProcess = spawn('redis-server', args, { stdio: 'ignore' });
  const spawnError = new Promise<Error>((res) => child.once('error', res));
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const failed = await Promise.race([spawnError, new Promise<null>((res) => setTimeout(() => res(null), 100))]);
    if (failed) {
      rmSync(dir, { recursive: true, force: true });
      throw new RedisUnavailableError(
        `no Redis answers on ${defaultUrl} and redis-server could not be started (${failed.message}); install it (apt-get install redis-server) or set REDIS_URL`,
      );
    }
    if (child.exitCode !== null) break;
    if (await redisAnswers(url, 500)) {
      log.info({ url, pid: child.pid }, 'started a private redis-server (no Redis on the default address)');
      const stop = async () => {
        if (child.exitCode === null) {
          const exited = new Promise((res) => child.once('exit', res));
          child.kill('SIGTERM');
          await exited;
        }
        rmSync(dir, { recursive: true, force: true });
      };
      // A crash of ours must not leave the child behind.
      process.once('exit', () => child.kill('SIGKILL'));
      return { url, stop, private: true };
    }
  }
  child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  throw new RedisUnavailableError(`no Redis answers on ${defaultUrl} and a private redis-server on port ${port} did not come up; set REDIS_URL`);
}

/**
 * Resolves the Redis to use, or throws RedisUnavailableError with one actionable line.
 * @example await resolveRedis(null, log) // { url: 'redis://127.0.0.1:6379', private: false }
 */
export async function resolveRedis(configured: string | null, log: Log, defaultUrl = DEFAULT_REDIS_URL): Promise<RedisEndpoint> {
  const none = async () => {};
  if (configured) {
    if (await redisAnswers(configured, 3000)) return { url: configured, stop: none, private: false };
    throw new RedisUnavailableError(unansweredRedis(configured));
  }
  if (await redisAnswers(defaultUrl, 1500)) return { url: defaultUrl, stop: none, private: false };
  return startPrivateRedis(log, defaultUrl);
}

function portOf(url: string): string {
  try {
    return new URL(url).port || '6379';
  } catch {
    return '6379';
  }
}

/** BullMQ needs `noeviction`: an evicted job key is a lost message or timer. Warn, do not stop. */
export async function checkEvictionPolicy(client: Redis, log: Log): Promise<void> {
  try {
    const res = (await client.config('GET', 'maxmemory-policy')) as string[];
    const policy = res[1];
    if (policy && policy !== 'noeviction') {
      log.warn({ policy }, 'Redis maxmemory-policy is not noeviction; BullMQ jobs may be evicted. Set maxmemory-policy noeviction');
    }
  } catch (err) {
    log.debug({ err }, 'cannot read maxmemory-policy (CONFIG may be disabled)');
  }
}
