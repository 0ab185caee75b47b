/**
 * One profile, three accounts on three channels around one core (issue 18 on issue 17's
 * routing): the sandbox's Wechaty mock serves 团结湖第一网格, a WeCom fake 幸福里第一网格 and a
 * DingTalk fake 幸福里第二网格. Each room's dispatch goes through its own channel, each
 * channel's acknowledgement reaches the same core, and the shift summary counts all of them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootChannelApp, type ChannelApp } from '../support/channels-app.js';
import { startFakeDingtalk, type FakeDingtalk } from '../support/fake-dingtalk.js';
import { postWecomCallback, startFakeWecom, wecomTextXml, type FakeWecom } from '../support/fake-wecom.js';
import { aLead, postLeads } from '../support/leads.js';
import { until } from '../support/service.js';

const CORP = 'wwmixedcorp';
const TOKEN = 'mixedToken';
const AES_KEY = Buffer.alloc(32, 5).toString('base64').slice(0, 43);
const G1 = '幸福里第一网格工作群';
const G2 = '幸福里第二网格工作群';
const G3 = '团结湖第一网格工作群';

let wecom: FakeWecom;
let ding: FakeDingtalk;
let sb: ChannelApp;

beforeAll(async () => {
  wecom = await startFakeWecom({ corpId: CORP, corpSecret: 'mixed-secret' });
  ding = await startFakeDingtalk({ clientId: 'dingmixed', clientSecret: 'ding-mixed-secret', customSecret: 'SECunused' });
  const connected = ding.connected();
  sb = await bootChannelApp('mixed', {
    bots: [
      { id: 'mock', channel: 'wechaty', roomEvery: '0ms' },
      { id: 'wc', channel: 'wecom', roomEvery: '0ms', wecom: { corpId: CORP, agentId: 1000002, secretEnv: 'M_WECOM_SECRET', apiBase: wecom.url, callback: { tokenEnv: 'M_WECOM_TOKEN', aesKeyEnv: 'M_WECOM_AES' }, rooms: { [G1]: { webhookKeyEnv: 'M_WECOM_ROBOT' } } } },
      { id: 'dt', channel: 'dingtalk', roomEvery: '0ms', dingtalk: { clientId: 'dingmixed', clientSecretEnv: 'M_DING_SECRET', robotCode: 'dingmixed', apiBase: ding.url, gatewayUrl: ding.gatewayUrl, rooms: { [G2]: { openConversationId: 'cidG2' } } } },
    ],
    rooms: { [G1]: { bot: 'wc' }, [G2]: { bot: 'dt' }, [G3]: { bot: 'mock' } },
    members: { 李网格: { wecomId: 'lisi' }, 陈网格: { dingtalkId: 'u-chen' } },
    env: { M_WECOM_SECRET: 'mixed-secret', M_WECOM_TOKEN: TOKEN, M_WECOM_AES: AES_KEY, M_WECOM_ROBOT: 'mixed-robot', M_DING_SECRET: 'ding-mixed-secret' },
  });
  await connected;
});
afterAll(async () => {
  await sb?.cleanup();
  await ding?.close();
  await wecom?.close();
});

it('routes each room through its own channel and counts all three in the shift summary', async () => {
  const r = await postLeads(sb.app.url(), { leads: [aLead({ unit: 'G1', assignee: '李网格' }), aLead({ unit: 'G2', assignee: '陈网格' }), aLead({ unit: 'G3', assignee: '刘网格' })] });
  const [c1, c2, c3] = r.json.results.map((x: { caseId: string }) => x.caseId) as [string, string, string];

  await wecom.waitRobot((p) => p.text.includes(c1));
  await ding.waitPost((p) => p.kind === 'group' && p.target === 'cidG2' && p.text.includes(c2));
  const sandbox = sb.app.sandbox()!;
  await until(async () => (await sandbox.messagesAfter(0)).some((m) => m.room === G3 && m.text.includes(c3)), 10_000, 'the mock room got its dispatch');
  // No room's dispatch went through another channel.
  expect(wecom.robot.some((p) => p.text.includes(c2) || p.text.includes(c3))).toBe(false);
  expect(ding.posts.some((p) => p.text.includes(c1) || p.text.includes(c3))).toBe(false);
  expect((await sandbox.messagesAfter(0)).some((m) => m.text.includes(c1) || m.text.includes(c2))).toBe(false);

  await postWecomCallback(`${sb.app.url()}/wecom/wc/callback`, { token: TOKEN, aesKey: AES_KEY, corpId: CORP, agentId: 1000002, xml: wecomTextXml({ corpId: CORP, from: 'lisi', text: `收到 ${c1}`, msgId: '90000001', agentId: 1000002 }) });
  await ding.robotMessage({ conversationType: '2', conversationId: 'cidG2', conversationTitle: G2, senderStaffId: 'u-chen', senderNick: '陈网格', text: `收到 ${c2}` });
  sandbox.say({ from: '刘网格', room: G3, text: `收到 ${c3}` });
  const core = sb.app.core();
  await until(() => [c1, c2, c3].every((id) => core.caseView(id)?.status === 'acknowledged'), 15_000, 'all three cases are acknowledged');

  const summaries = core.shifts.closeNow();
  const station = summaries.get('PS1')!;
  expect(station.received.total).toBe(3);
  expect(station.acknowledged).toBe(3);
});
