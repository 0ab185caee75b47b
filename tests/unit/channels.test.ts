/** Channel capabilities as members meet them (issue 18): help per channel, and the profile's channel settings. */
import { describe, expect, it } from 'vitest';
import { channelReferenceProblems, channelSettingsOf, readChannelSecrets } from '../../src/channels/config.js';
import { helpFor } from '../../src/domain/replies.js';
import { ROLES } from '../../src/domain/types.js';

describe('帮助 on a channel that sees less than WeChat', () => {
  it.each(['wecom', 'dingtalk'] as const)('says on %s how to reach the bot, promises no quote, and keeps lines short', (channel) => {
    for (const role of ROLES) {
      const text = helpFor(role, '网格哨兵', channel);
      expect(text).toMatch(channel === 'wecom' ? /私聊我/ : /先@我/);
      expect(text).toContain('案件号');
      expect(text).not.toMatch(/引用(?:预警|超时提醒)/);
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    }
  });

  it('is unchanged on WeChat', () => {
    expect(helpFor('worker', '网格哨兵', 'wechaty')).toBe(helpFor('worker', '网格哨兵'));
    expect(helpFor('worker', '网格哨兵')).toContain('引用预警回“收到”也能接单');
  });
});

describe('channel settings in the profile', () => {
  const wecom = { corpId: 'ww1', agentId: 1000002, secretEnv: 'WECOM_SECRET', callback: { tokenEnv: 'WECOM_TOKEN', aesKeyEnv: 'WECOM_AES' }, apiBase: 'https://qyapi.weixin.qq.com', rooms: { 群一: { webhookKeyEnv: 'WECOM_ROBOT_1' } } };

  it('names every missing environment variable, never a value', () => {
    const settings = channelSettingsOf([{ id: 'wc', channel: 'wecom', wecom }], []);
    const r = readChannelSecrets(settings, { WECOM_SECRET: 'shh-secret', WECOM_TOKEN: 't' });
    expect(r.problems).toEqual(['WECOM_AES: not set (named by bots[id=wc].wecom.callback.aesKeyEnv in the profile)', 'WECOM_ROBOT_1: not set (named by bots[id=wc].wecom.rooms.群一.webhookKeyEnv in the profile)']);
    expect(r.problems.join('\n')).not.toContain('shh-secret');
  });

  it('refuses an account without its channel’s settings, settings for another channel, unknown rooms and shared platform ids', () => {
    const raw = {
      bots: [{ id: 'wc', channel: 'wecom' }, { id: 'dt', channel: 'wechaty', dingtalk: {} }, { id: 'w2', channel: 'wecom', wecom: { rooms: { 没有的群: {} } } }],
      org: { rooms: [{ topic: '群一' }], members: [{ name: 'a', wecomId: 'x' }, { name: 'b', wecomId: 'x' }] },
    };
    expect(channelReferenceProblems(raw)).toEqual([
      'bots[0].wecom: required for channel wecom',
      'bots[1].dingtalk: only for channel dingtalk (this account is wechaty)',
      'bots[2].wecom.rooms.没有的群: unknown room "没有的群"',
      'org.members[1].wecomId: duplicate wecomId "x"',
    ]);
  });

  it('binds roster ids under their channel’s namespace', () => {
    expect(channelSettingsOf([], [{ name: '李网格', wecomId: 'lisi', dingtalkId: '0123' }]).rosterIds).toEqual([
      { name: '李网格', channel: 'wecom', identity: 'wecom:lisi' },
      { name: '李网格', channel: 'dingtalk', identity: 'dingtalk:0123' },
    ]);
  });
});
