/** Issue 17: which account carries a message, the profile's `bots`, and digests (pure). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/config.js';
import { accountRouting, failsOver } from '../../src/domain/accounts.js';
import { digestible, digestOf, digestSize, REPLY_DIGEST_AFTER_MS, ROOM_DIGEST_ITEMS } from '../../src/domain/digest.js';
import { indexOrg } from '../../src/domain/org.js';
import { PRIORITY } from '../../src/domain/types.js';

const district = () => parse(readFileSync('bots/district.yaml', 'utf8'));
const problemsOf = (raw: unknown): string[] => {
  try {
    parseProfile(raw, 'p.yaml');
    return [];
  } catch (err) {
    return (err as { problems: string[] }).problems;
  }
};

describe('the profile key bots', () => {
  it('fills every default of an account', () => {
    const raw = district();
    raw.bots = [{ id: 'east' }, { id: 'west', perMinute: 10, roomEvery: '5s', failoverAfter: '30s' }];
    const p = parseProfile(raw);
    expect(p.bots).toEqual([
      { id: 'east', name: '网格哨兵', channel: 'wechaty', perMinute: 20, roomEveryMs: 3000, sendIntervalMs: 1500, failoverAfterMs: 120_000 },
      { id: 'west', name: '网格哨兵', channel: 'wechaty', perMinute: 10, roomEveryMs: 5000, sendIntervalMs: 1500, failoverAfterMs: 30_000 },
    ]);
  });

  it('names every bad reference to an account', () => {
    const raw = district();
    raw.bots.push({ id: 'east' });
    raw.org.rooms[0].bot = 'north';
    raw.org.rooms[1].backupBot = 'east';
    expect(problemsOf(raw)).toEqual([
      'bots[2].id: duplicate bot id "east"',
      'org.rooms[0].bot: unknown bot "north" (bots: east, west)',
      'org.rooms[1].backupBot: is the room\'s own account "east"; name another one',
    ]);
  });

  it('refuses a room that names an account in a profile without bots', () => {
    const raw = parse(readFileSync('bots/demo.yaml', 'utf8'));
    raw.org.rooms[0].bot = 'east';
    expect(problemsOf(raw)).toEqual(['org.rooms[0].bot: names bot "east" but the profile has no bots: list']);
  });

  it('refuses an unknown channel and a budget out of range, with the path', () => {
    const raw = district();
    raw.bots[0].channel = 'qq';
    raw.bots[1].perMinute = 0;
    const problems = problemsOf(raw);
    expect(problems.some((p) => p.startsWith('bots[0].channel:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('bots[1].perMinute:'))).toBe(true);
  });
});

describe('routing a message to its account', () => {
  const p = parseProfile(district());
  const r = accountRouting(indexOrg(p.org), p.org.rooms, ['east', 'west']);

  it('sends a room message through the room\'s account, backed up by its backup', () => {
    expect(r.of({ room: '团结湖第一网格工作群', mentions: [], text: 'x' })).toEqual({ primary: 'west', backup: 'east' });
  });

  it('sends a private message through the account the member bound through, else their task room\'s', () => {
    const to = { name: '李网格', wechatId: 'wx1' };
    expect(r.of({ to, text: 'x' })).toEqual({ primary: 'east', backup: 'west' });
    expect(r.of({ to, text: 'x' }, 'west')).toEqual({ primary: 'west', backup: 'east' });
    expect(r.of({ to, text: 'x' }, 'gone')).toEqual({ primary: 'east', backup: 'west' });
  });

  it.each([
    { what: 'an urgent message', priority: PRIORITY.urgent, expected: true },
    { what: 'a high message', priority: PRIORITY.high, expected: true },
    { what: 'a reply to a person', priority: PRIORITY.reply, expected: true },
    { what: 'a medium notice', priority: PRIORITY.medium, expected: false },
    { what: 'a low notice', priority: PRIORITY.low, expected: false },
    { what: 'a routine notice', priority: PRIORITY.routine, expected: false },
  ])('$what goes through the backup while its account is down: $expected', ({ priority, expected }) => {
    expect(failsOver(priority)).toBe(expected);
  });
});

describe('digests', () => {
  it('folds routine notices, and replies only after a minute', () => {
    expect(digestible(PRIORITY.low, 0)).toBe(true);
    expect(digestible(PRIORITY.high, 10 * 60_000)).toBe(false);
    expect(digestible(PRIORITY.reply, REPLY_DIGEST_AFTER_MS - 1)).toBe(false);
    expect(digestible(PRIORITY.reply, REPLY_DIGEST_AFTER_MS)).toBe(true);
  });

  it('reads on a phone: a count, one masked line per case, every mention once', () => {
    const li = { name: '李网格', wechatId: 'wx1' };
    const d = digestOf(
      [
        { text: '【低危预警】K7Q2 冒充客服\n对象：张*，139****0001\n地址：幸福里小区3号楼\n请回复“收到 K7Q2”。', mentions: [li] },
        { text: '【中危预警】M3X9\n对象：王*，138****2222\n地址：团结湖5号楼', mentions: [li] },
      ],
      'room',
    );
    expect(d.text).toBe(['【消息汇总】2 条通知合并发送', '1. 【低危预警】K7Q2 冒充客服｜张*，139****0001｜幸福里小区3号楼', '2. 【中危预警】M3X9｜王*，138****2222｜团结湖5号楼', '请逐件回复“收到 编号”，完整信息已私聊发送。'].join('\n'));
    expect(d.mentions).toEqual([li]);
  });

  it('keeps whole records privately, within the size of one message', () => {
    const record = { text: '【低危预警】K7Q2 完整信息（请勿转发）\n' + '地址：'.padEnd(300, '号') };
    expect(digestOf([record, record], 'private').text).toContain('—— 2 ——\n【低危预警】K7Q2 完整信息');
    expect(digestSize(Array(20).fill(record), 'private')).toBeLessThan(20);
    expect(digestSize(Array(50).fill(record), 'room')).toBe(ROOM_DIGEST_ITEMS);
  });
});
