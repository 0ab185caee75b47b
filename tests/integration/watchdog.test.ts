/**
 * The watchdog on its second channel (issue 15), against a local fake of the WeCom and
 * DingTalk robots and a generic webhook: a logout longer than the threshold gives exactly one
 * alert and one "resolved" on each channel, a blip shorter than it gives none, a flood of
 * alerts keeps to the rate limit, the heartbeat is pinged, and a restart is told.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsConfig, Profile } from '../../src/config.js';
import { createAlertChannel } from '../../src/ops/alert-channels.js';
import { startFakeWebhook, type FakeWebhook, type Received } from '../support/fake-webhook.js';
import { captureLog } from '../support/log-capture.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const SECRET = 'SECtest0123456789';
let hook: FakeWebhook;
let sb: SandboxFixture;

const alerts = (url: string): AlertsConfig => ({
  channels: [
    { kind: 'wecom', url: `${url}/wecom?key=k1` },
    { kind: 'dingtalk', url: `${url}/dingtalk?access_token=t1`, secret: SECRET },
    { kind: 'webhook', url: `${url}/hook`, headers: { 'x-from': 'gridguard' } },
  ],
  heartbeatUrl: `${url}/heartbeat`,
  heartbeatEvery: 200,
  repeatEvery: 600_000,
  rateLimit: { messages: 20, per: 60_000 },
  checkEvery: 100,
  rules: { loggedOutFor: 600, urgentUnsentFor: false, backlogOlderThan: false, timerLateBy: false, redisDownFor: false, restarted: true },
});

beforeAll(async () => {
  hook = await startFakeWebhook();
  sb = await bootSandbox('watchdog', { tweak: (p: Profile) => ({ ...p, alerts: alerts(hook.url) }) });
});
afterAll(async () => {
  await sb?.cleanup();
  await hook?.close();
});

const post = (path: string) => fetch(`${sb.app.url()}${path}`, { method: 'POST' }).then((r) => r.json());
const textOf = (r: Received): string => (r.path === '/hook' ? r.body.summary : r.body.text.content);
const loggedOutAlerts = () => hook.received.filter((r) => r.path !== '/heartbeat' && /机器人微信号已掉线/.test(textOf(r)));

describe('when the bot is logged out longer than loggedOutFor', () => {
  it('says so once on every channel, and once more when it is back', async () => {
    await post('/sandbox/bot/logout');
    const firing = await hook.waitFor((r) => r.path !== '/heartbeat' && /告警：机器人微信号已掉线/.test(textOf(r)), 3);
    expect(firing.map((r) => r.path).sort()).toEqual(['/dingtalk', '/hook', '/wecom']);
    await post('/sandbox/bot/login');
    await hook.waitFor((r) => r.path !== '/heartbeat' && /已恢复：机器人微信号已掉线/.test(textOf(r)), 3);
    await sb.app.ops.watchdog()!.check();
    await sb.app.ops.watchdog()!.idle();

    const all = loggedOutAlerts();
    for (const path of ['/wecom', '/dingtalk', '/hook']) {
      expect(all.filter((r) => r.path === path).map((r) => (/已恢复/.test(textOf(r)) ? 'resolved' : 'firing')), path).toEqual(['firing', 'resolved']);
    }
    const robot = all.find((r) => r.path === '/wecom')!;
    expect(robot.body).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('【网格哨兵 demo】') } });
    const generic = all.filter((r) => r.path === '/hook').map((r) => r.body);
    expect(generic.map((b) => [b.status, b.rule, b.bot])).toEqual([
      ['firing', 'loggedOut', 'demo'],
      ['resolved', 'loggedOut', 'demo'],
    ]);
    // DingTalk's "加签": sign = base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")), url-encoded.
    const ding = all.find((r) => r.path === '/dingtalk')!;
    const ts = ding.query.get('timestamp')!;
    expect(ding.query.get('access_token')).toBe('t1');
    expect(ding.query.get('sign')).toBe(createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64'));
    // Webhook keys are secrets: never in a log line.
    expect(sb.logs.text()).not.toMatch(/key=k1|access_token=t1|SECtest/);
  });

  it('stays silent for a logout shorter than the threshold', async () => {
    const before = loggedOutAlerts().length;
    await post('/sandbox/bot/logout');
    await post('/sandbox/bot/login');
    await sb.app.ops.watchdog()!.check();
    expect(sb.app.ops.watchdog()!.incidents()).toEqual([]);
    await sb.app.ops.watchdog()!.idle();
    expect(loggedOutAlerts().length).toBe(before);
  });
});

describe('the heartbeat', () => {
  it('pings alerts.heartbeatUrl on its interval', async () => {
    const hits = await hook.waitFor((r) => r.path === '/heartbeat', 3, 5000);
    expect(hits[2]!.at - hits[0]!.at).toBeGreaterThanOrEqual(150);
  });
});

describe('a restart', () => {
  it('is told, saying the previous run stopped cleanly', async () => {
    sb = await sb.restart();
    const [told] = await hook.waitFor((r) => r.path === '/hook' && r.body.rule === 'restarted');
    expect(told!.body).toMatchObject({ status: 'info', summary: expect.stringContaining('上次为正常停止') });
  });
});

describe('a flood of alerts', () => {
  it('keeps to the channel rate limit and still delivers every one', async () => {
    const { log } = captureLog();
    const rate = { messages: 5, per: 1000 };
    const channel = createAlertChannel({ kind: 'wecom', url: `${hook.url}/flood` }, 0, rate, log);
    for (let i = 0; i < 12; i++) channel.send({ status: 'firing', rule: 'backlog', text: `flood ${i}`, bot: 'demo', since: null, at: Date.now() });
    const got = await hook.waitFor((r) => r.path === '/flood', 12, 10_000);
    expect(got.map((r) => r.body.text.content)).toEqual(Array.from({ length: 12 }, (_, i) => `flood ${i}`));
    for (const r of got) {
      const inWindow = got.filter((x) => x.at >= r.at && x.at < r.at + rate.per).length;
      expect(inWindow).toBeLessThanOrEqual(rate.messages);
    }
    channel.stop();
  });
});
