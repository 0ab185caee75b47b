/**
 * Small helpers shared by the benchmarks: Redis prefixes and their cleanup, case ids,
 * percentiles, and formatting. No GridGuard logic lives here.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { CASE_ID_ALPHABET } from '../src/domain/case-id.js';

export const BENCH_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** A queue prefix nobody else uses: `bench-<uuid>` (no colon, as BullMQ prefixes must be). */
export function benchPrefix(): string {
  return `bench-${randomUUID()}`;
}

/** Reads a positive integer from the environment, or the default. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** Calls `fn` with each SCAN batch of keys under `prefix:`, on a client of its own. */
async function eachKeyBatch(prefix: string, url: string, fn: (client: Redis, keys: string[]) => Promise<void>): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  client.on('error', () => undefined);
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await fn(client, keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

/**
 * Deletes every key under `prefix:` with SCAN + UNLINK on a client of its own, so it works even
 * when the bench's connection is the thing that failed. Never FLUSHALL: the Redis may be shared.
 */
export async function deleteKeys(prefix: string, url = BENCH_REDIS_URL): Promise<number> {
  let deleted = 0;
  await eachKeyBatch(prefix, url, async (client, keys) => {
    deleted += await client.unlink(...keys);
  });
  return deleted;
}

/** How many keys are left under `prefix:` (to show that the cleanup worked). */
export async function countKeys(prefix: string, url = BENCH_REDIS_URL): Promise<number> {
  let n = 0;
  await eachKeyBatch(prefix, url, async (_client, keys) => {
    n += keys.length;
  });
  return n;
}

/** Bytes Redis reports in use (INFO memory `used_memory`). */
export async function redisUsedMemory(client: Redis): Promise<number> {
  const info = await client.info('memory');
  const m = /^used_memory:(\d+)/m.exec(info);
  return m ? Number(m[1]) : NaN;
}

/** Redis's `hz` (INFO server): how many times a second it serves timeouts of blocked clients. */
export async function redisHz(client: Redis): Promise<number> {
  const info = await client.info('server');
  const m = /^hz:(\d+)/m.exec(info);
  return m ? Number(m[1]) : NaN;
}

/** The i-th case id in the real alphabet, 5 characters (27^5 > 14 million distinct ids). */
export function benchCaseId(i: number): string {
  let s = '';
  for (let n = i, k = 0; k < 5; k++, n = Math.floor(n / CASE_ID_ALPHABET.length)) s = CASE_ID_ALPHABET[n % CASE_ID_ALPHABET.length] + s;
  return s;
}

/** Nearest-rank percentile (q in 0..1) of unsorted values; NaN when empty. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const thousands = (n: number): string => n.toLocaleString('en-US');
export const sleep = (ms: number): Promise<void> => new Promise((res) => setTimeout(res, ms));

/** Process resident memory now, and the peak so far. */
export function rss(): { now: number; peak: number } {
  return { now: process.memoryUsage().rss, peak: process.resourceUsage().maxRSS * 1024 };
}

/**
 * Runs `cleanup` if the process is interrupted (Ctrl-C, kill), then exits; returns a function
 * that removes the handlers again. Errors during the cleanup are printed, not thrown.
 */
export function cleanupOnSignal(cleanup: () => Promise<void>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up the bench's Redis keys and files…`);
    cleanup()
      .catch((err: unknown) => console.error(err))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
