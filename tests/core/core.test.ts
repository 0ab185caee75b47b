/**
 * Rules of core checked against a temporary SQLite file with in-memory ports: no Redis, no
 * WeChat, no HTTP, a pinned clock. The integration suite keeps the real joins.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreFixture, type CoreFixture } from './support.js';

const ROOM = '幸福里第一网格工作群';
let f: CoreFixture;
beforeEach(() => {
  f = coreFixture();
});
afterEach(() => f.close());

const lead = (over: Record<string, unknown> = {}) => ({
  externalId: `E-${Math.random().toString(36).slice(2)}`,
  level: 'urgent',
  unit: 'G1',
  subject: { name: '张建国', phone: '13912340001', address: '朝阳区幸福里小区3号楼2单元501' },
  ...over,
});
const text = (m: unknown) => (m as { text: string }).text;

describe('intake', () => {
  it('creates a case, writes the masked group message and the private record, and asks for a timer', () => {
    const out = f.core.intake(lead({ assignee: '李网格' }));
    expect(out.ok).toBe(true);
    const caseId = out.ok ? out.results[0]!.caseId : '';
    const [group, privately] = f.sent();
    expect(group).toMatchObject({ room: ROOM, meta: { caseId, kind: 'dispatch' } });
    expect(text(group)).toContain('张**');
    expect(text(group)).not.toContain('13912340001');
    expect(privately).toMatchObject({ to: { name: '李网格', wechatId: 'wx-李网格' } });
    expect(text(privately)).toContain('13912340001');
    expect(f.timersChanged).toEqual([caseId]);
    expect(f.outboxWrites).toBe(1);
  });

  it('answers duplicate for the same external id and writes nothing more', () => {
    const body = lead();
    f.core.intake(body);
    const before = f.sent().length;
    const again = f.core.intake(body);
    expect(again.ok && again.results[0]!.status).toBe('duplicate');
    expect(f.sent()).toHaveLength(before);
  });

  it('stores nothing of a batch with one bad lead', () => {
    const out = f.core.intake({ leads: [lead(), lead({ unit: 'G9' })] });
    expect(out.ok).toBe(false);
    expect(f.sent()).toEqual([]);
    expect((f.store.sqlite.prepare('select count(*) as n from cases').get() as { n: number }).n).toBe(0);
  });
});

describe('conversation', () => {
  it('acknowledges with 收到 and the id, once', () => {
    const out = f.core.intake(lead({ assignee: '李网格' }));
    const caseId = out.ok ? out.results[0]!.caseId : '';
    f.clock.now += 60_000;
    expect(f.say('李网格', `收到 ${caseId}`, ROOM)).toBe('replied');
    expect(text(f.sent().at(-1))).toContain(`已接单 ${caseId}`);
    expect(f.core.caseView(caseId)!.status).toBe('acknowledged');
    expect(f.say('李网格', `收到 ${caseId}`, ROOM)).toBe('replied');
    expect(text(f.sent().at(-1))).toContain('已经接单了');
  });

  it('asks before acting on an inferred outcome, and 1 carries it out with the clock of the answer', () => {
    const out = f.core.intake(lead({ assignee: '李网格', level: 'medium' }));
    const caseId = out.ok ? out.results[0]!.caseId : '';
    f.say('李网格', '上门劝住了');
    expect(text(f.sent().at(-1))).toContain('回复“1”确认');
    expect(f.core.caseView(caseId)!.status).toBe('dispatched');
    f.clock.now += 5 * 60_000;
    f.say('李网格', '1');
    const view = f.core.caseView(caseId)!;
    expect(view.status).toBe('resolved');
    expect(view.resolvedAt).toBe(new Date(f.clock.now).toISOString());
  });

  it('lets a confirmation expire after ten minutes', () => {
    const out = f.core.intake(lead({ assignee: '李网格', level: 'medium' }));
    const caseId = out.ok ? out.results[0]!.caseId : '';
    f.say('李网格', '上门劝住了');
    f.clock.now += 10 * 60_000 + 1;
    f.say('李网格', '1');
    expect(text(f.sent().at(-1))).toContain('10分钟内有效');
    expect(f.core.caseView(caseId)!.status).toBe('dispatched');
  });

  it('limits refusals to three per sender in ten minutes, then one note, then silence; the window moves with the clock', () => {
    const answers = ['查 QQQ2', '查 QQQ3', '查 QQQ4', '查 QQQ5', '查 QQQ6'].map((t) => f.say('陈网格', t));
    expect(answers).toEqual(['replied', 'replied', 'replied', 'replied', 'ignored']);
    expect(text(f.sent().at(-1))).toContain('暂时不再回复');
    f.clock.now += 10 * 60_000 + 1;
    expect(f.say('陈网格', '查 QQQ7')).toBe('replied');
  });
});

describe('escalation', () => {
  it('fires the first step once when the acknowledgement deadline passes, and only then', () => {
    const out = f.core.intake(lead({ assignee: '李网格' }));
    const caseId = out.ok ? out.results[0]!.caseId : '';
    const version = (f.store.sqlite.prepare('select version from cases where id = ?').get(caseId) as { version: number }).version;
    expect(f.core.fireDeadline(caseId, version)).toBe('early');
    f.clock.now += 5 * 60_000;
    expect(f.core.fireDeadline(caseId, version)).toBe('fired');
    expect(f.core.fireDeadline(caseId, version)).toBe('stale');
    expect(f.core.caseView(caseId)!.escalationStep).toBe(1);
    expect(f.sent().some((m) => text(m).includes(`【紧急催办】${caseId}`))).toBe(true);
  });
});

describe('更正 and 重办', () => {
  it('corrects within 30 minutes, refuses after; a lead reopens a resolved case', () => {
    const out = f.core.intake(lead({ assignee: '李网格', level: 'high' }));
    const caseId = out.ok ? out.results[0]!.caseId : '';
    f.say('李网格', `反馈 ${caseId} 上门 劝阻成功`);
    f.clock.now += 29 * 60_000;
    f.say('李网格', `更正 ${caseId} 误报`);
    f.say('李网格', '1');
    expect(f.core.caseView(caseId)!.outcome).toMatchObject({ result: 'false_positive' });
    // The shift summary counts the corrected outcome, not the first one.
    const unit = (f.store.sqlite.prepare('select unit_code from cases where id = ?').get(caseId) as { unit_code: string }).unit_code;
    expect(f.core.shifts.closeNow().get(unit)).toMatchObject({ resolved: 1, resolvedByResult: { dissuaded: 0, false_positive: 1 } });
    f.clock.now += 31 * 60_000;
    f.say('李网格', `更正 ${caseId} 劝阻成功`);
    f.say('李网格', '1');
    expect(f.core.caseView(caseId)!.outcome).toMatchObject({ result: 'false_positive' });
    f.say('王社区', `重办 ${caseId} 家属说还在转账`, ROOM);
    f.say('王社区', '1', ROOM);
    expect(f.core.caseView(caseId)).toMatchObject({ status: 'dispatched', outcome: null });
    expect(f.core.shifts.closeNow().get(unit)).toMatchObject({ resolved: 0, carriedOver: { count: 1 } });
  });
});

describe('shift summaries', () => {
  it('count a case received in one shift and acknowledged and resolved in the next in the next one, not twice', () => {
    const out = f.core.intake(lead({ assignee: '李网格', level: 'low' }));
    const caseId = out.ok ? out.results[0]!.caseId : '';
    const unit = (f.store.sqlite.prepare('select unit_code from cases where id = ?').get(caseId) as { unit_code: string }).unit_code;
    expect(f.core.shifts.closeNow().get(unit)).toMatchObject({ received: { total: 1 }, acknowledged: 0, resolved: 0, carriedOver: { count: 1 } });
    // 10:00 → 20:30 Beijing time: the night shift began at 20:00.
    f.clock.now += 10.5 * 3_600_000;
    f.say('李网格', `收到 ${caseId}`, ROOM);
    f.say('李网格', `反馈 ${caseId} 电话 已被骗 损失2000元`, ROOM);
    const night = f.core.shifts.closeNow().get(unit)!;
    expect(night).toMatchObject({ received: { total: 0 }, acknowledged: 1, resolved: 1, resolvedByResult: { defrauded: 1 }, lossTotal: 2000, carriedOver: { count: 0 } });
    expect(night.timeToAck!.p50).toBeGreaterThan(10 * 3_600_000);
  });
});
