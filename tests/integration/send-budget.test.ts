/**
 * Issue 17 acceptance: one room flooded with 200 low leads and one urgent lead. The urgent
 * message leaves first; the low ones arrive as digests, never two sends into the room closer
 * than its budget allows; nothing is lost (every case reaches the room and its assignee, and
 * the outbox ends empty).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/config.js';
import type { TranscriptEntry } from '../../src/store/transcript.js';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';
import { until } from '../support/service.js';

const ROOM = '幸福里第一网格工作群';
const ROOM_EVERY_MS = 700;
const PER_MINUTE = 120;

const budgets = (p: Profile): Profile => ({
  ...p,
  bots: p.bots!.map((b) => ({ ...b, perMinute: PER_MINUTE, roomEveryMs: ROOM_EVERY_MS, sendIntervalMs: 0 })),
});

describe('a room flooded with 200 low leads and one urgent lead', () => {
  let sb: SandboxFixture;
  let before: number;
  let urgent: string;
  let lows: string[];
  let bot: TranscriptEntry[];

  beforeAll(async () => {
    sb = await bootSandbox('send-budget', { profile: 'bots/district.yaml', tweak: budgets });
    before = (await sb.messages()).at(-1)?.seq ?? 0;
    const leads = [...Array.from({ length: 200 }, () => aLead({ unit: 'G1', level: 'low' })), aLead({ unit: 'G1', level: 'urgent' })];
    const { status, json } = await postLeads(sb.app.url(), { leads });
    expect(status).toBe(200);
    const ids: string[] = json.results.map((r: { caseId: string }) => r.caseId);
    urgent = ids.at(-1)!;
    lows = ids.slice(0, -1);
    await until(() => sb.app.core().outbox.backlog().waiting === 0, 90_000, 'every message delivered', 200);
    bot = (await sb.messages(before)).filter((m) => m.bot);
  }, 120_000);

  afterAll(async () => {
    await sb?.cleanup();
  });

  it('sends the urgent case before any low one', () => {
    expect(bot[0]!.text).toContain(urgent);
    expect(bot.findIndex((m) => m.room === ROOM && m.text.includes(urgent))).toBeLessThan(bot.findIndex((m) => lows.some((id) => m.text.includes(id))));
  });

  it('folds the low dispatches into digests that keep the room budget', () => {
    const room = bot.filter((m) => m.room === ROOM);
    expect(room.filter((m) => m.text.includes('【消息汇总】')).length).toBeGreaterThan(0);
    // One urgent dispatch plus digests of at most 20: a handful of messages instead of 200.
    expect(room.length).toBeLessThanOrEqual(1 + Math.ceil(200 / 20) + 2);
    // The budget is granted on Redis's clock before a send; the transcript stamps a message after it
    // was sent, so two stamps may come closer than the budget by that delay's jitter (CI's
    // night-clock rerun once saw 649 ms for 700). Unbudgeted sends would be milliseconds apart.
    for (let i = 1; i < room.length; i++) {
      expect(Date.parse(room[i]!.at) - Date.parse(room[i - 1]!.at)).toBeGreaterThanOrEqual(ROOM_EVERY_MS - 150);
    }
    // On average the room is held to its budget.
    if (room.length > 2) expect((Date.parse(room.at(-1)!.at) - Date.parse(room[0]!.at)) / (room.length - 1)).toBeGreaterThanOrEqual(ROOM_EVERY_MS - 20);
  });

  it('keeps the account under its per-minute budget', () => {
    const times = bot.filter((m) => m.bot === 'east').map((m) => Date.parse(m.at));
    for (let i = 0; i < times.length; i++) expect(times.filter((t) => t >= times[i]! && t < times[i]! + 60_000).length).toBeLessThanOrEqual(PER_MINUTE);
  });

  it('loses nothing: every low case reaches the room and, in full, its assignee', () => {
    const roomText = bot.filter((m) => m.room === ROOM).map((m) => m.text).join('\n');
    const privateText = bot.filter((m) => m.room === null).map((m) => m.text).join('\n');
    expect(lows.filter((id) => !roomText.includes(id))).toEqual([]);
    expect(lows.filter((id) => !privateText.includes(`${id} 完整信息`))).toEqual([]);
    expect(sb.app.core().outbox.backlog()).toMatchObject({ waiting: 0, failed: 0 });
  });

  it('names the account that sent every bot message', () => {
    expect(new Set(bot.map((m) => m.bot))).toEqual(new Set(['east']));
  });
});
