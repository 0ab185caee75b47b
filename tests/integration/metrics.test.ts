/**
 * `GET /metrics` after a scripted scenario (issue 15): a lead over HTTP, its escalation to the
 * assignee, the acknowledgement and the resolution in chat. The counters and histograms that
 * scenario must move have moved, the route wants the token as /api/* does, and no label
 * carries personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/config.js';
import { aLead } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';
import { until } from '../support/service.js';

const TOKEN = 'metrics-test-token-0123456789';
const ROOM = '幸福里第一网格工作群';
const auth = { authorization: `Bearer ${TOKEN}` };
const fast = (p: Profile): Profile => ({
  ...p,
  policy: { ...p.policy, urgent: { ackWithin: 800, resolveWithin: 600_000, stepEvery: 600_000, chain: ['assignee', 'lead'] } },
});

type Sample = { name: string; labels: Record<string, string>; value: number };
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(l)!;
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1]!, x[2]!]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}
const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((a, s) => a + s.value, 0);

let sb: SandboxFixture;
beforeAll(async () => {
  sb = await bootSandbox('metrics', { tweak: fast, env: { INTAKE_TOKEN: TOKEN } });
});
afterAll(async () => {
  await sb?.cleanup();
});

async function say(from: string, text: string): Promise<void> {
  const res = await fetch(`${sb.app.url()}/sandbox/say`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ from, room: ROOM, text }) });
  expect(res.status).toBe(200);
}
const status = async (caseId: string) => ((await (await fetch(`${sb.app.url()}/api/v1/cases/${caseId}`, { headers: auth })).json()) as { status: string }).status;
const scrape = async () => {
  const res = await fetch(`${sb.app.url()}/metrics`, { headers: auth });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
};

describe('GET /metrics', () => {
  it('answers 401 without the bearer token', async () => {
    const res = await fetch(`${sb.app.url()}/metrics`);
    expect(res.status).toBe(401);
  });

  it('counts a lead, its escalation, acknowledgement and resolution, and how long each took', async () => {
    const before = parse(await scrape());
    expect(value(before, 'gridguard_gateway_logged_in', { bot: 'demo' })).toBe(1);

    const res = await fetch(`${sb.app.url()}/api/v1/leads`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(aLead({ level: 'urgent', assignee: '李网格' })) });
    const caseId = ((await res.json()) as { results: { caseId: string }[] }).results[0]!.caseId;
    await sb.botMessage((m) => m.room === ROOM && m.text.includes(`【紧急催办】${caseId}`), 0, 8000);
    await say('李网格', `收到 ${caseId}`);
    await until(async () => (await status(caseId)) === 'acknowledged', 8000, 'acknowledged');
    await say('李网格', `反馈 ${caseId} 上门 劝阻成功`);
    await until(async () => (await status(caseId)) === 'resolved', 8000, 'resolved');

    const text = await scrape();
    const after = parse(text);
    const moved = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);
    expect(moved('gridguard_leads_received_total', { level: 'urgent', source: 'http', outcome: 'created' })).toBe(1);
    expect(moved('gridguard_escalation_steps_total', { level: 'urgent', role: 'assignee' })).toBe(1);
    expect(moved('gridguard_timer_lateness_seconds_count')).toBe(1);
    expect(moved('gridguard_lead_to_delivered_seconds_count', { level: 'urgent' })).toBeGreaterThanOrEqual(1);
    expect(moved('gridguard_lead_to_acknowledged_seconds_count', { level: 'urgent' })).toBe(1);
    expect(moved('gridguard_lead_to_resolved_seconds_count', { level: 'urgent' })).toBe(1);
    // The acknowledgement came after the escalation (0.8 s): its duration says so.
    expect(moved('gridguard_lead_to_acknowledged_seconds_sum', { level: 'urgent' })).toBeGreaterThan(0.8);
    expect(moved('gridguard_case_events_total', { type: 'resolved' })).toBe(1);
    expect(moved('gridguard_messages_sent_total', { bot: 'demo', kind: 'dispatch', to: 'room' })).toBeGreaterThanOrEqual(1);
    expect(moved('gridguard_messages_sent_total', { bot: 'demo', kind: 'reminder', to: 'room' })).toBeGreaterThanOrEqual(1);
    expect(value(after, 'gridguard_cases', { status: 'resolved', level: 'urgent' })).toBe(1);
    for (const name of ['gridguard_relay_lag_seconds', 'gridguard_redis_up', 'gridguard_timers_rebuilt_total', 'gridguard_sqlite_busy_total', 'gridguard_send_retries_total', 'gridguard_chat_refusals_total']) {
      expect(after.some((s) => s.name === name), name).toBe(true);
    }
    expect(value(after, 'gridguard_redis_up')).toBe(1);
    // No personal data anywhere in the exposition (the lead's subject is 张建国, 1391234…).
    expect(text).not.toMatch(/张建国|1391234|幸福里小区/);
  });

  it('counts a refusal in chat', async () => {
    const before = value(parse(await scrape()), 'gridguard_chat_refusals_total');
    await say('李网格', '@网格哨兵 撤销 ZZZZ 误报');
    await until(async () => value(parse(await scrape()), 'gridguard_chat_refusals_total') > before, 8000, 'a refusal counted');
  });
});
