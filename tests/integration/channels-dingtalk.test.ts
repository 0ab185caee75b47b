/**
 * The DingTalk gateway (issue 18) against a local fake of DingTalk's Stream gateway and robot
 * APIs: a lead is pushed masked into the grid's group and in full to the assignee only, @-messages
 * in the group acknowledge and report an outcome (answered through the session webhook), a
 * room on a custom robot gets signed posts, and 帮助 says how to speak to the robot there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootChannelApp, type ChannelApp } from '../support/channels-app.js';
import { startFakeDingtalk, type FakeDingtalk } from '../support/fake-dingtalk.js';
import { aLead, postLeads } from '../support/leads.js';
import { until } from '../support/service.js';

const CLIENT_ID = 'dingtestclient01';
const CLIENT_SECRET = 'ding-secret-do-not-log-01';
const CUSTOM_SECRET = 'SECcustomrobot-do-not-log';
const G1 = '幸福里第一网格工作群';
const G2 = '幸福里第二网格工作群';

let ding: FakeDingtalk;
let sb: ChannelApp;
const caseOf = (id: string) => sb.app.core().caseView(id);

beforeAll(async () => {
  ding = await startFakeDingtalk({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, customSecret: CUSTOM_SECRET });
  const connected = ding.connected();
  sb = await bootChannelApp('dingtalk', {
    bots: [
      {
        id: 'dt',
        channel: 'dingtalk',
        roomEvery: '0ms',
        dingtalk: {
          clientId: CLIENT_ID,
          clientSecretEnv: 'T_DING_SECRET',
          robotCode: CLIENT_ID,
          apiBase: ding.url,
          gatewayUrl: ding.gatewayUrl,
          rooms: { [G1]: { openConversationId: 'cidG1' }, [G2]: { webhookEnv: 'T_DING_G2_WEBHOOK', secretEnv: 'T_DING_G2_SECRET' } },
        },
      },
    ],
    members: { 李网格: { dingtalkId: 'u-li' }, 周网格: { dingtalkId: 'u-zhou' }, 陈网格: { dingtalkId: 'u-chen' } },
    env: { T_DING_SECRET: CLIENT_SECRET, T_DING_G2_WEBHOOK: `${ding.url}/robot/send?access_token=customtok`, T_DING_G2_SECRET: CUSTOM_SECRET },
  });
  await connected;
});
afterAll(async () => {
  await sb?.cleanup();
  await ding?.close();
});

describe('a lead for a grid served by DingTalk', () => {
  let caseId: string;

  it('is pushed masked into the group, and in full to the assignee only', async () => {
    const r = await postLeads(sb.app.url(), aLead({ unit: 'G1', assignee: '李网格', subject: { name: '王秀英', phone: '13698765432', address: '朝阳区幸福里小区5号楼1单元302' } }));
    caseId = r.json.results[0].caseId;
    const group = await ding.waitPost((p) => p.text.includes(caseId) && p.kind === 'group');
    expect(group.target).toBe('cidG1');
    expect(group.text).toMatch(/136\*{4}5432/);
    expect(group.text).not.toContain('13698765432');
    // The group API cannot @: the assignee is named in the text.
    expect(group.text).toContain('@李网格');
    const record = await ding.waitPost((p) => p.text.includes(caseId) && p.kind === 'user');
    expect(record.target).toBe('u-li');
    expect(record.text).toContain('13698765432');
    expect(ding.posts.filter((p) => p.text.includes('13698765432')).map((p) => [p.kind, p.target])).toEqual([['user', 'u-li']]);
  });

  it('is acknowledged by an @-message in the group, and the reply goes through the session webhook', async () => {
    await ding.robotMessage({ conversationType: '2', conversationId: 'cidG1', conversationTitle: G1, senderStaffId: 'u-li', senderNick: '李网格', text: `收到 ${caseId}` });
    await until(() => caseOf(caseId)?.status === 'acknowledged', 10_000, 'the case is acknowledged');
    const reply = await ding.waitPost((p) => p.kind === 'session' && p.text.includes(caseId));
    // A session webhook can @: the member is mentioned by user id.
    expect(reply.at).toEqual(['u-li']);
  });

  it('records the outcome an @-message reports', async () => {
    await ding.robotMessage({ conversationType: '2', conversationId: 'cidG1', conversationTitle: G1, senderStaffId: 'u-li', senderNick: '李网格', text: `反馈 ${caseId} 上门 劝阻成功` });
    await until(() => caseOf(caseId)?.status === 'resolved', 10_000, 'the case is resolved');
    expect(caseOf(caseId)!.outcome).toMatchObject({ method: 'visit', result: 'dissuaded' });
  });

  it('takes the same message delivered twice (DingTalk resends what was not acked) once', async () => {
    const before = caseOf(caseId)!.events.length;
    const m = { conversationType: '1' as const, conversationId: 'cid-private-li', senderStaffId: 'u-li', senderNick: '李网格', text: `查 ${caseId}`, msgId: 'dup-msg-1' };
    await ding.robotMessage(m);
    await ding.robotMessage(m);
    await ding.waitPost((p) => p.kind === 'session' && p.target === 's-dup-msg-1');
    expect(ding.posts.filter((p) => p.target === 's-dup-msg-1')).toHaveLength(1);
    expect(caseOf(caseId)!.events.length).toBe(before);
  });

  it('answers 帮助 saying the robot must be @-mentioned and quotes do not work', async () => {
    await ding.robotMessage({ conversationType: '2', conversationId: 'cidG1', conversationTitle: G1, senderStaffId: 'u-li', senderNick: '李网格', text: '帮助' });
    const help = await ding.waitPost((p) => p.kind === 'session' && p.text.includes('常用指令'));
    expect(help.text).toContain('先@我');
    expect(help.text).not.toContain('引用预警');
  });
});

describe('a grid whose group has a custom robot with a signing secret', () => {
  it('gets the dispatch signed, and the signature holds', async () => {
    const r = await postLeads(sb.app.url(), aLead({ unit: 'G2', assignee: '陈网格' }));
    const caseId = r.json.results[0].caseId;
    const post = await ding.waitPost((p) => p.kind === 'custom' && p.text.includes(caseId));
    expect(post.target).toBe('customtok');
    expect(ding.badSignatures()).toBe(0);
  });

  it('keeps secrets out of every log line', () => {
    const text = sb.logs.text();
    for (const secret of [CLIENT_SECRET, CUSTOM_SECRET, 'customtok']) expect(text).not.toContain(secret);
  });
});
