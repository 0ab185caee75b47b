/**
 * Outreach logs through real Redis and the mock puppet: a volunteer posts, gets the
 * confirmation, withdraws, posts again, attaches a photo; the reminder skips who posted and
 * mentions who did not; the weekly ranking reaches the supervision room.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postRanking, remindUnlogged, type OutreachScheduleDeps } from '../../src/core/outreach-schedule.js';
import { indexOrg } from '../../src/domain/org.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const ROOM = '幸福里反诈志愿者群';
let sb: SandboxFixture;
let deps: (now: number) => OutreachScheduleDeps;

beforeAll(async () => {
  sb = await bootSandbox('outreach');
  const org = indexOrg(sb.config.profile.org);
  deps = (now) => ({ ...sb.app.core().ctx, org, timezone: 'Asia/Shanghai', remindWeekends: true, now: () => now, afterCommit: () => {} });
});
afterAll(async () => {
  await sb?.cleanup();
});

async function says(from: string, text: string): Promise<string> {
  const seq = await sb.say(from, ROOM, text);
  return (await sb.botMessage((m) => m.room === ROOM && m.text.startsWith(`@${from}`), seq)).text;
}

const logsOf = (name: string) =>
  sb.app.store().sqlite.prepare('select o.* from outreach_logs o join members m on m.id = o.member_id where m.name = ? order by o.id').all(name) as any[];

describe('a volunteer', () => {
  it('logs, withdraws, logs again and attaches a photo', async () => {
    expect(await says('孙志愿', '宣传 幸福里社区 摆摊 80人 装APP 25 老年人')).toMatch(/✅ 已登记：.*80人.*25/);
    expect(await says('孙志愿', '撤回')).toMatch(/^@孙志愿 已撤回：/);
    expect(await says('孙志愿', '宣传 幸福里社区 摆摊 覆盖90余人 安装反诈APP 30个 发放传单200份 对象 老年人')).toContain('✅ 已登记');
    const seq = await sb.say('孙志愿', ROOM, '', undefined, true);
    expect((await sb.botMessage((m) => m.room === ROOM && m.text.startsWith('@孙志愿'), seq)).text).toContain('📷 照片已附到刚才的宣传登记（共1张）');

    const rows = logsOf('孙志愿');
    expect(rows).toHaveLength(2);
    expect(rows[0].withdrawn_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ unit_code: 'C1', place: '幸福里社区', people: 90, installs: 30, leaflets: 200, photo_count: 1, withdrawn_at: null });
    expect(JSON.parse(rows[1].targets)).toEqual(['elderly']);
  });

  it('asks 我报过几次宣传了 and gets this month\'s standing logs, the withdrawn one left out, never 待办', async () => {
    const answer = await says('孙志愿', '我报过几次宣传了');
    expect(answer).toMatch(/月的宣传登记：1次 · 共90人 · 装APP 30 · 传单200份/);
    expect(answer).toContain('幸福里社区');
    expect(answer).not.toContain('80人');
    expect(answer).not.toContain('待办');
  });

  it('hears 我的 from a volunteer with no logs yet as the way to log one', async () => {
    const answer = await says('马志愿', '我的');
    expect(answer).toMatch(/还没有宣传登记。登记请发：宣传 /);
  });

  it('is asked for what is missing or implausible, and nothing is stored', async () => {
    const before = logsOf('马志愿').length;
    expect(await says('马志愿', '宣传 幸福里社区 摆摊')).toMatch(/例如：宣传 /);
    expect(await says('马志愿', '宣传 幸福里社区 摆摊 50000人')).toMatch(/核对/);
    expect(logsOf('马志愿')).toHaveLength(before);
  });
});

describe('the daily reminder', () => {
  it('mentions the volunteers and workers who logged nothing today and skips the one who did', async () => {
    const before = (await sb.messages()).at(-1)!.seq;
    expect(remindUnlogged(deps(sb.now()))).toBeGreaterThan(0);
    const reminder = await sb.botMessage((m) => m.room === ROOM && m.text.includes('今天还没登记宣传活动'), before);
    expect(reminder.text).toContain('@马志愿');
    expect(reminder.text).toContain('@李网格');
    expect(reminder.text).not.toContain('@孙志愿');
    expect(reminder.text).not.toContain('@王社区');
  });
});

describe('the weekly ranking', () => {
  it('is posted to the supervision room with this week’s numbers', async () => {
    const before = (await sb.messages()).at(-1)!.seq;
    // A boundary tomorrow at this time ranks the 7 days up to today.
    postRanking(deps(sb.now()), sb.now() + 86_400_000);
    const ranking = await sb.botMessage((m) => m.room === '三里屯派出所督导群' && m.text.startsWith('【反诈宣传周榜】'), before);
    expect(ranking.text).toContain('🥇 幸福里社区 1场 · 覆盖90人 · 装APP 30');
  });
});
