/**
 * Fault: the bot is logged out of WeChat for a while (through the sandbox control, as an
 * operator rehearses it) while leads of every level arrive.
 * Protects: outbound messages wait in the queue while the bot is away, then each is delivered
 * once, urgent first (DESIGN: the gateway pauses while logged out; job priority).
 */
import { describe, expect, it } from 'vitest';
import { aLead } from '../support/leads.js';
import {
  BOT_NAME,
  dispatchesOf,
  pendingJobs,
  postJson,
  serviceEnv,
  startService,
  transcript,
  until,
  faultSuite,
  type ServiceProcess,
} from '../support/service.js';

let service: ServiceProcess | null = null;
const suite = faultSuite('fault-logout', {}, () => [service]);
const { prefix } = suite;

/** How long the bot stays away at least (the outage is the scenario, not a wait for an event). */
const AWAY_MS = 3000;

describe('when the bot is logged out for a while', () => {
  it('keeps every message until it is back, then delivers each once, urgent first', { timeout: 40_000 }, async () => {
    service = await startService(serviceEnv(suite.dir, prefix));
    const url = service.url;
    const since = (await transcript(url)).at(-1)?.seq ?? 0;

    const out = await postJson(`${url}/sandbox/bot/logout`, {});
    expect(out.status).toBe(200);
    expect(out.json.loggedIn).toBe(false);
    const awayAt = Date.now();
    await service.logged(/bot logged out; outbound messages wait/, 5000);
    expect((await fetch(`${url}/healthz`)).status).toBe(503);

    // The least urgent first: arrival order must not decide the sending order.
    const levels = ['low', 'medium', 'high', 'urgent'] as const;
    const ids: Record<string, string> = {};
    for (const [i, level] of levels.entries()) {
      const res = await postJson(`${url}/api/v1/leads`, aLead({ level, unit: `G${i + 1}` }));
      expect(res.status).toBe(200);
      ids[level] = res.json.results[0].caseId;
    }
    await until(async () => (await pendingJobs(suite.queue)) === 8, 10_000, 'all eight messages wait in the outbound queue');
    await until(() => Date.now() - awayAt >= AWAY_MS, AWAY_MS + 1000, 'the bot stayed away');
    expect((await transcript(url, since)).filter((m) => m.from === BOT_NAME), 'messages sent while logged out').toEqual([]);

    const back = await postJson(`${url}/sandbox/bot/login`, {});
    expect(back.json.loggedIn).toBe(true);
    await until(async () => (await pendingJobs(suite.queue)) === 0, 15_000, 'the outbound queue drained after the login');

    const sent = (await transcript(url, since)).filter((m) => m.from === BOT_NAME);
    for (const id of Object.values(ids)) {
      const d = dispatchesOf(sent, id);
      expect([d.group.length, d.private.length], `dispatches of ${id}`).toEqual([1, 1]);
      expect(d.group[0]!.seq, `group before private for ${id}`).toBeLessThan(d.private[0]!.seq);
    }
    const levelOf = (text: string) => Object.entries(ids).find(([, id]) => text.includes(id))?.[0];
    expect(sent.map((m) => levelOf(m.text))).toEqual(['urgent', 'urgent', 'high', 'high', 'medium', 'medium', 'low', 'low']);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
