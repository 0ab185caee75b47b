import { describe, expect, it } from 'vitest';
import { dispatchGroupText, dispatchPrivateText, repeatWarningText, type CaseFacts } from '../../src/domain/case-replies.js';
import { formatClock, formatLocalDateTime, formatYuan, localMinutes, localWeekday } from '../../src/domain/format.js';

// 2026-11-23 14:30 in Shanghai.
const now = Date.UTC(2026, 10, 23, 6, 30);
const facts: CaseFacts = {
  id: 'K7Q2',
  level: 'urgent',
  category: 'police',
  subject: { name: '张建国', phone: '13912345678', address: '朝阳区幸福里小区3号楼2单元501', idNumber: '110105199001011232' },
  amountAtRisk: 50000,
  detail: '正在通话',
  ackDueAt: now + 5 * 60_000,
  resolveDueAt: now + 30 * 60_000,
  createdAt: now,
};

describe('the dispatch message in the task room', () => {
  const text = dispatchGroupText(facts, now, 'Asia/Shanghai');

  it('starts with level and case id, so a quote carries the id', () => expect(text.split('\n')[0]).toBe('【紧急预警】K7Q2 冒充公检法'));
  it('masks the subject', () => {
    expect(text).toContain('对象：张**，139****5678');
    expect(text).toContain('地址：朝阳区幸福里小区3号楼');
    expect(text).not.toMatch(/13912345678|张建国|501|110105/);
  });
  it('states the acknowledgement deadline of an urgent case', () => expect(text).toContain('5分钟内（14:35前）回复“收到 K7Q2”，15:00前反馈结果'));
  it('fits on a phone', () => {
    expect(text.split('\n').length).toBeLessThanOrEqual(8);
  });
});

describe('the private message to the assignee', () => {
  const text = dispatchPrivateText(facts, now, 'Asia/Shanghai');
  it('carries the full record and how to answer', () => {
    expect(text).toContain('姓名：张建国');
    expect(text).toContain('电话：13912345678');
    expect(text).toContain('地址：朝阳区幸福里小区3号楼2单元501');
    expect(text).toContain('身份证：110105199001011232');
    expect(text).toContain('类型：冒充公检法 · 涉案5万元');
    expect(text).toContain('反馈 K7Q2 上门 劝阻成功');
  });
});

describe('a repeat warning', () => {
  it('says what is new and that the level rose', () => {
    const text = repeatWarningText(facts, { externalId: 'B', level: 'urgent', category: 'investment', amountAtRisk: 12000, detail: null }, 'medium', false, now, 'Asia/Shanghai');
    expect(text.split('\n')[0]).toBe('【紧急再次预警】K7Q2 同一人又有新预警');
    expect(text).toContain('新线索：紧急 · 虚假投资理财 · 涉案1.2万元');
    expect(text).toContain('等级已由中危升为紧急');
  });
});

describe('formatting', () => {
  it.each([
    [5000, '5000元'],
    [50000, '5万元'],
    [12000, '1.2万元'],
    [1234567, '123万元'],
  ])('writes %i yuan as %s', (n, s) => expect(formatYuan(n)).toBe(s));

  it('reads local time in the profile’s zone, midnight included', () => {
    expect(formatLocalDateTime(now, 'Asia/Shanghai')).toBe('2026-11-23 14:30');
    expect(localMinutes(Date.UTC(2026, 10, 23, 16, 5), 'Asia/Shanghai')).toBe(5);
    expect(localWeekday(Date.UTC(2026, 10, 22, 17), 'Asia/Shanghai')).toBe(1);
    expect(localWeekday(Date.UTC(2026, 10, 22, 17), 'UTC')).toBe(0);
  });

  it('adds the day when a deadline is not today', () => {
    expect(formatClock(now + 24 * 3600_000, now, 'Asia/Shanghai')).toBe('明天 14:30');
    expect(formatClock(now + 3 * 24 * 3600_000, now, 'Asia/Shanghai')).toBe('11月26日 14:30');
  });
});
