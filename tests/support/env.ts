/** Where the tests' real services are. CI (.ci/run) makes sure Redis answers here. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** A queue prefix no other test file uses (as BullMQ's own tests do). */
export function uniquePrefix(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gridguard-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deletes every key under `prefix:` (never FLUSHALL a shared Redis). */
export async function deleteKeys(prefix: string, url = TEST_REDIS_URL): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}

/**
 * The clock the in-process app runs on. Normally the real one; with
 * `GRIDGUARD_TEST_CLOCK=HH:MM` (CI sets 03:00) it runs behind the real clock so that it reads
 * that local time in Asia/Shanghai now: the suite proves it does not depend on the hour. The
 * offset is never positive, so messages stamped by the mock puppet are never "from the future".
 */
export function testClock(spec = process.env.GRIDGUARD_TEST_CLOCK): () => number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(spec ?? '');
  if (!m) return Date.now;
  const real = Date.now();
  const local = new Date(real + 8 * 3_600_000); // Asia/Shanghai has no DST
  const minutesNow = local.getUTCHours() * 60 + local.getUTCMinutes();
  const wanted = Number(m[1]) * 60 + Number(m[2]);
  const back = ((minutesNow - wanted + 1440) % 1440) * 60_000;
  const offset = -back;
  return () => Date.now() + offset;
}
