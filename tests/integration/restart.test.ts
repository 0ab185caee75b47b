/**
 * The service killed with SIGKILL while a timer is pending, and down across the deadline:
 * the step fires once, right after the next start (the real entry point in a child process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { deadlineJobId } from '../../src/queues/deadlines.js';
import { deleteKeys, tempDir, TEST_REDIS_URL, uniquePrefix } from '../support/env.js';
import { aLead, getCase, postLeads } from '../support/leads.js';
import { deadlineOutcome } from '../support/timers.js';

let tmp: ReturnType<typeof tempDir>;
const prefix = uniquePrefix('restart');
let env: Record<string, string>;

beforeAll(() => {
  tmp = tempDir();
  const profile = parse(readFileSync('bots/demo.yaml', 'utf8'));
  profile.bot.sendInterval = '0ms';
  profile.policy.urgent = { ackWithin: '4s', resolveWithin: '1h', stepEvery: '1h', chain: ['assignee', 'lead'] };
  writeFileSync(join(tmp.dir, 'fast.yaml'), stringify(profile));
  env = { PATH: process.env.PATH!, GRIDGUARD_PROFILE: join(tmp.dir, 'fast.yaml'), DATABASE_PATH: join(tmp.dir, 'g.db'), REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, HTTP_PORT: '0', LOG_LEVEL: 'info' };
});
afterAll(async () => {
  await deleteKeys(prefix);
  tmp.cleanup();
});

/** Starts the service; resolves with the process, its URL and when it said it was up. */
function start(): Promise<{ child: ChildProcess; url: string; upAt: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /"url":"(http:[^"]+)".*"msg":"GridGuard is up"/.exec(out);
      if (m) resolve({ child, url: m[1]!, upAt: Date.now() });
    });
    child.on('exit', (code) => reject(new Error(`service exited with ${code}: ${out}`)));
  });
}

describe('a restart across a deadline', () => {
  it('fires the missed step once, immediately after start', async () => {
    const first = await start();
    const { json } = await postLeads(first.url, aLead({ level: 'urgent', assignee: '李网格' }));
    const caseId = json.results[0].caseId as string;
    const view = (await getCase(first.url, caseId)).json;
    expect(Date.parse(view.ackDueAt) - Date.now()).toBeGreaterThan(2500);
    const exited = new Promise((res) => first.child.once('exit', res));
    first.child.kill('SIGKILL');
    await exited;

    // The service stays down across the deadline (this wait is the scenario, not a race).
    await delay(5000);
    const version = 1;
    // The window includes starting a second process, which takes seconds on a loaded 2-core CI.
    const fired = deadlineOutcome(prefix, deadlineJobId(caseId, version), 20_000);
    const second = await start();
    try {
      expect(await fired).toBe('fired');
      const events = (await getCase(second.url, caseId)).json.events as { type: string; at: string; role: string }[];
      const escalated = events.filter((e) => e.type === 'escalated');
      expect(escalated).toHaveLength(1);
      expect(escalated[0]!.role).toBe('assignee');
      expect(Date.parse(escalated[0]!.at) - second.upAt).toBeLessThan(1000);
    } finally {
      const stopped = new Promise((res) => second.child.once('exit', res));
      second.child.kill('SIGTERM');
      await stopped;
    }
  });
});
