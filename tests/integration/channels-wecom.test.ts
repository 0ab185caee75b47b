/**
 * The WeCom gateway (issue 18) against a local fake of WeCom: a lead reaches the grid's group
 * robot masked and the assignee's application chat in full, an encrypted callback 收到 <id>
 * acknowledges, a callback with a bad signature is refused and changes nothing, the URL
 * verification handshake answers the echo, an expired token is replaced, and a burst keeps to
 * the robots' 20 a minute.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundQueue } from '../../src/wire/names.js';
import { bootChannelApp, type ChannelApp } from '../support/channels-app.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { startFakeWecom, postWecomCallback, verifyWecomUrl, wecomTextXml, type FakeWecom } from '../support/fake-wecom.js';
import { aLead, postLeads } from '../support/leads.js';
import { until } from '../support/service.js';

const CORP = 'wwtestcorp0001';
const SECRET = 'corp-secret-do-not-log-0001';
const TOKEN = 'callbackTokenX1';
// 43 characters of base64, as WeCom's EncodingAESKey.
const AES_KEY = Buffer.alloc(32, 7).toString('base64').slice(0, 43);
const ROBOT_KEY = 'robot-key-g1-do-not-log';
const AGENT = 1000002;

let wecom: FakeWecom;
let sb: ChannelApp;
let callbackUrl: string;
let msgSeq = 7_000_000_000;

const say = (from: string, text: string, signature?: string) =>
  postWecomCallback(callbackUrl, { token: TOKEN, aesKey: AES_KEY, corpId: CORP, agentId: AGENT, xml: wecomTextXml({ corpId: CORP, from, text, msgId: String(++msgSeq), agentId: AGENT }), ...(signature ? { signature } : {}) });
const caseOf = (id: string) => sb.app.core().caseView(id);

beforeAll(async () => {
  wecom = await startFakeWecom({ corpId: CORP, corpSecret: SECRET });
  sb = await bootChannelApp('wecom', {
    bots: [
      {
        id: 'wc',
        channel: 'wecom',
        // No per-room spacing: the burst meets the per-minute budget at once.
        roomEvery: '0ms',
        wecom: { corpId: CORP, agentId: AGENT, secretEnv: 'T_WECOM_SECRET', apiBase: wecom.url, callback: { tokenEnv: 'T_WECOM_TOKEN', aesKeyEnv: 'T_WECOM_AES' }, rooms: { 幸福里第一网格工作群: { webhookKeyEnv: 'T_WECOM_ROBOT_G1' } } },
      },
    ],
    members: { 李网格: { wecomId: 'lisi' }, 周网格: { wecomId: 'zhouwg' } },
    env: { T_WECOM_SECRET: SECRET, T_WECOM_TOKEN: TOKEN, T_WECOM_AES: AES_KEY, T_WECOM_ROBOT_G1: ROBOT_KEY },
  });
  callbackUrl = `${sb.app.url()}/wecom/wc/callback`;
});
afterAll(async () => {
  await sb?.cleanup();
  await wecom?.close();
});

describe('the callback URL', () => {
  it('answers WeCom’s URL verification with the decrypted echo, and refuses a bad signature', async () => {
    expect(await verifyWecomUrl(callbackUrl, { token: TOKEN, aesKey: AES_KEY, corpId: CORP, echo: '8173649283746' })).toEqual({ status: 200, text: '8173649283746' });
    const bad = await verifyWecomUrl(callbackUrl, { token: TOKEN, aesKey: AES_KEY, corpId: CORP, echo: '1', signature: 'a'.repeat(40) });
    expect(bad.status).toBe(403);
  });
});

describe('a lead for a grid served by WeCom', () => {
  let caseId: string;

  it('is posted masked by the grid’s robot with an @ of the assignee, and in full to the assignee only', async () => {
    const lead = aLead({ unit: 'G1', assignee: '李网格', subject: { name: '张建国', phone: '13912345678', address: '朝阳区幸福里小区3号楼2单元501' } });
    const r = await postLeads(sb.app.url(), lead);
    expect(r.status).toBe(200);
    caseId = r.json.results[0].caseId;
    const group = await wecom.waitRobot((p) => p.text.includes(caseId));
    expect(group.key).toBe(ROBOT_KEY);
    expect(group.mentioned).toEqual(['lisi']);
    expect(group.text).toMatch(/139\*{4}5678/);
    expect(group.text).not.toContain('13912345678');
    expect(group.text).not.toContain('2单元501');
    const record = await wecom.waitApp((p) => p.text.includes(caseId));
    expect(record).toMatchObject({ touser: 'lisi', agentid: AGENT });
    expect(record.text).toContain('13912345678');
    expect(wecom.app.filter((p) => p.text.includes('13912345678')).map((p) => p.touser)).toEqual(['lisi']);
    expect(wecom.robot.some((p) => p.text.includes('13912345678'))).toBe(false);
  });

  it('refuses a callback with a bad signature, and nothing changes', async () => {
    const before = caseOf(caseId)!;
    const r = await say('lisi', `反馈 ${caseId} 上门 劝阻成功`, 'b'.repeat(40));
    expect(r.status).toBe(403);
    const inbound = new Queue('inbound', { connection: { url: TEST_REDIS_URL }, prefix: sb.prefix });
    try {
      expect(await inbound.getJobCountByTypes('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized')).toBe(0);
    } finally {
      await inbound.close();
    }
    expect(caseOf(caseId)).toMatchObject({ status: before.status, outcome: null });
  });

  it('is acknowledged by an encrypted 收到 <id> sent to the application, answered at once with an empty body', async () => {
    const r = await say('lisi', `收到 ${caseId}`);
    expect(r).toEqual({ status: 200, text: '' });
    await until(() => caseOf(caseId)?.status === 'acknowledged', 10_000, 'the case is acknowledged');
    expect(caseOf(caseId)!.assignee).toBe('李网格');
  });

  it('answers 帮助 privately, saying that group messages are not seen and the case id is needed', async () => {
    wecom.expireToken();
    const issued = wecom.tokensIssued();
    await say('lisi', '帮助');
    const help = await wecom.waitApp((p) => p.touser === 'lisi' && p.text.includes('常用指令'));
    expect(help.text).toContain('群里的消息我看不到');
    expect(help.text).not.toContain('引用');
    // The expired token (42001) was replaced and the message still went out.
    expect(wecom.tokensIssued()).toBe(issued + 1);
  });

  it('keeps secrets out of every log line', () => {
    const text = sb.logs.text();
    for (const secret of [SECRET, TOKEN, AES_KEY, ROBOT_KEY]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/access_token=|key=robot/);
  });
});

describe('when a burst of leads hits one WeCom room', () => {
  it('sends at most 20 a minute through the account and never trips the robot’s limit', async () => {
    const sentBefore = wecom.robot.length + wecom.app.length;
    const leads = Array.from({ length: 12 }, () => aLead({ unit: 'G1', assignee: '周网格' }));
    const r = await postLeads(sb.app.url(), { leads });
    expect(r.status).toBe(200);
    // 12 leads are 24 messages: the account's minute fills at 20 sends (those before the burst count too).
    await until(() => wecom.robot.length + wecom.app.length >= 20, 20_000, '20 sends reached WeCom');
    const queue = new Queue(outboundQueue('wc'), { connection: { url: TEST_REDIS_URL }, prefix: sb.prefix });
    try {
      await until(async () => (await queue.getRateLimitTtl()) > 0, 10_000, 'the account waits for its minute');
      const t = Date.now();
      const inLastMinute = [...wecom.robot, ...wecom.app].filter((p) => p.at > t - 60_000).length;
      expect(inLastMinute).toBe(20);
      expect(wecom.robot.length + wecom.app.length - sentBefore).toBeLessThan(24);
      expect(wecom.throttled()).toBe(0);
    } finally {
      await queue.close();
    }
  });
});
