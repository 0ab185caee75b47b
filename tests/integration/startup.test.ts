/**
 * Start-up as a deployer meets it: the real entry point in a child process, exit codes and
 * the one-line explanations, the private redis-server, graceful shutdown.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { redisAnswers, resolveRedis } from '../../src/queues/redis.js';
import { captureLog } from '../support/log-capture.js';
import { deleteKeys, tempDir, TEST_REDIS_URL, uniquePrefix } from '../support/env.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `npm start`'s command with `env`; resolves when it exits or `until` matches stdout (then SIGTERM). */
function runMain(env: Record<string, string>, until?: RegExp): Promise<Run & { upAfterMs?: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let upAfterMs: number | undefined;
  child.stdout.on('data', (d) => {
    stdout += d;
    if (until && upAfterMs === undefined && until.test(stdout)) {
      upAfterMs = Date.now() - t0;
      child.kill('SIGTERM');
    }
  });
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0, upAfterMs })));
}

async function deadPort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

describe('starting the service', () => {
  it('exits non-zero within 10 s with one line when REDIS_URL does not answer', async () => {
    const url = `redis://127.0.0.1:${await deadPort()}`;
    const run = await runMain({ REDIS_URL: url, DATABASE_PATH: join(tmp.dir, 'g.db'), HTTP_PORT: '0' });
    expect(run.code).not.toBe(0);
    expect(run.ms).toBeLessThan(10_000);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(url);
    expect(lines[0]).toMatch(/redis-server/);
  });

  it('refuses a profile with a wrong level name or an unknown unit, naming each field', async () => {
    const profile = join(tmp.dir, 'bad.yaml');
    writeFileSync(
      profile,
      [
        'policy:',
        '  critical: { ackWithin: 5m, resolveWithin: 30m }',
        'org:',
        '  units: [{ code: G1, name: 一网格, kind: grid }]',
        '  members: [{ name: 李网格, role: worker, unit: G9 }]',
      ].join('\n'),
    );
    const run = await runMain({ GRIDGUARD_PROFILE: profile, REDIS_URL: TEST_REDIS_URL });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${profile} is invalid`);
    expect(run.stderr).toMatch(/policy: .*"critical"/);
    expect(run.stderr).toContain('org.members[0].unit: unknown unit "G9"');
  });

  it('comes up on the demo profile and shuts down cleanly on SIGTERM', async () => {
    const prefix = uniquePrefix('startup');
    try {
      const run = await runMain(
        { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, DATABASE_PATH: join(tmp.dir, 'g.db'), HTTP_PORT: '0' },
        /GridGuard is up/,
      );
      expect(run.upAfterMs).toBeDefined();
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/GridGuard stopped/);
    } finally {
      await deleteKeys(prefix);
    }
  });
});

describe('finding Redis', () => {
  it('starts a private redis-server with noeviction when nothing answers on the default address, and stops it', async () => {
    const deadDefault = `redis://127.0.0.1:${await deadPort()}`;
    const endpoint = await resolveRedis(null, captureLog().log, deadDefault);
    try {
      expect(endpoint.private).toBe(true);
      expect(endpoint.url).not.toBe(deadDefault);
      const client = new Redis(endpoint.url);
      expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      client.disconnect();
    } finally {
      await endpoint.stop();
    }
    expect(await redisAnswers(endpoint.url, 500)).toBe(false);
  });

  it('uses the default address when Redis answers there', async () => {
    const endpoint = await resolveRedis(null, captureLog().log, TEST_REDIS_URL);
    expect(endpoint).toMatchObject({ url: TEST_REDIS_URL, private: false });
  });
});
