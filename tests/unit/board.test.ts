/**
 * The case board's rules (issue 19), pure: a subject as a group message shows it, the urgency
 * order, overdue on the given clock, timings against each level's target, and the signed links.
 */
import { describe, expect, it } from 'vitest';
import { boardCase, boardCharts, boardSubject, byUrgency, cycleUnits, hourlyLeads, type BoardCaseRow } from '../../src/domain/board.js';
import { DEFAULT_POLICY } from '../../src/config.js';
import { indexOrg } from '../../src/domain/org.js';
import type { Org } from '../../src/domain/types.js';
import { signBoardLink, verifyBoardLink } from '../../src/wire/board-link.js';

const org: Org = {
  units: [
    { code: 'PS1', name: '三里屯派出所', kind: 'station' },
    { code: 'C1', name: '幸福里社区', kind: 'community', parent: 'PS1' },
    { code: 'C2', name: '团结湖社区', kind: 'community', parent: 'PS1' },
    { code: 'G1', name: '幸福里第一网格', kind: 'grid', parent: 'C1' },
    { code: 'G3', name: '团结湖第一网格', kind: 'grid', parent: 'C2' },
  ],
  rooms: [],
  members: [],
};
const index = indexOrg(org);
const NOW = Date.parse('2026-11-23T06:00:00Z');

const row = (over: Partial<BoardCaseRow> = {}): BoardCaseRow => ({
  id: 'K7Q2',
  level: 'urgent',
  unit: 'G1',
  status: 'dispatched',
  assignee: '李网格',
  escalationStep: 0,
  ackDueAt: NOW + 300_000,
  resolveDueAt: NOW + 1_800_000,
  createdAt: NOW - 60_000,
  supervisedAt: null,
  subjectName: '张建国',
  subjectPhone: '13912340001',
  subjectAddress: '朝阳区幸福里小区3号楼2单元501',
  anonymisedAt: null,
  ...over,
});

describe('a board line', () => {
  it('masks the subject exactly as the dispatch message in a task room does', () => {
    expect(boardSubject(row())).toBe('张** 139****0001 · 朝阳区幸福里小区3号楼');
    expect(boardSubject(row({ anonymisedAt: NOW }))).toBe('（已按规定清除）');
    expect(boardSubject(row({ subjectAddress: null, subjectName: '欧阳娜娜' }))).toBe('欧阳** 139****0001');
  });

  it('counts down to the acknowledgement until acknowledged, then to the resolution; overdue on the given clock', () => {
    expect(boardCase(row(), index, NOW)).toMatchObject({ dueKind: 'ack', dueAt: NOW + 300_000, overdue: false, grid: '幸福里第一网格', statusZh: '待接单', levelZh: '紧急' });
    expect(boardCase(row(), index, NOW + 300_001).overdue).toBe(true);
    expect(boardCase(row({ status: 'acknowledged' }), index, NOW + 300_001)).toMatchObject({ dueKind: 'resolve', overdue: false, statusZh: '处置中' });
  });

  it('orders overdue first, then level, then the nearest deadline', () => {
    const lines = [
      boardCase(row({ id: 'LOW1', level: 'low', ackDueAt: NOW - 1 }), index, NOW),
      boardCase(row({ id: 'HIG1', level: 'high', ackDueAt: NOW + 50 }), index, NOW),
      boardCase(row({ id: 'URG2', level: 'urgent', ackDueAt: NOW + 200 }), index, NOW),
      boardCase(row({ id: 'URG1', level: 'urgent', ackDueAt: NOW + 100 }), index, NOW),
    ];
    expect(lines.sort(byUrgency).map((c) => c.id)).toEqual(['LOW1', 'URG1', 'URG2', 'HIG1']);
  });
});

describe('the board of a unit', () => {
  it('cycles the unit and the stations and communities below it, not the grids', () => {
    expect(cycleUnits(index, 'PS1').map((u) => u.code)).toEqual(['PS1', 'C1', 'C2']);
    expect(cycleUnits(index, 'G1').map((u) => u.code)).toEqual(['G1']);
  });

  it('puts leads into local hours', () => {
    const h = hourlyLeads([{ hour: 9, level: 'urgent', count: 2 }, { hour: 9, level: 'low', count: 1 }, { hour: 30, level: 'high', count: 1 }]);
    expect(h.urgent[9]).toBe(2);
    expect(h.low[9]).toBe(1);
    expect(h.high[23]).toBe(1);
  });

  it('measures each community against its levels’ targets and ranks outreach', () => {
    const policy = DEFAULT_POLICY;
    const charts = boardCharts(index, policy, 'PS1', {
      from: NOW - 7 * 86_400_000,
      to: NOW,
      timings: [
        // Urgent in G1: 2 acknowledged in 2.5 min each on average (half of 5 min), one late.
        { unit: 'G1', level: 'urgent', acked: 2, ackedInTime: 1, ackMsSum: policy.urgent.ackWithin, resolved: 1, resolvedInTime: 1, resolveMsSum: policy.urgent.resolveWithin / 2 },
        { unit: 'G3', level: 'low', acked: 1, ackedInTime: 1, ackMsSum: policy.low.ackWithin / 4, resolved: 0, resolvedInTime: 0, resolveMsSum: 0 },
      ],
      outreach: [{ unit: 'G3', events: 2, people: 90, installs: 10 }],
    });
    const c1 = charts.communities.find((c) => c.code === 'C1')!;
    expect(c1).toMatchObject({ acked: 2, ackOfTarget: 0.5, ackMet: 0.5, resolveOfTarget: 0.5, resolveMet: 1 });
    expect(charts.communities.find((c) => c.code === 'C2')).toMatchObject({ ackOfTarget: 0.25, ackMet: 1, resolveMet: null });
    expect(charts.slaMet).toEqual({ ack: 2 / 3, resolve: 1 });
    expect(charts.ranking[0]).toMatchObject({ community: 'C2', people: 90 });
    expect(charts.targets.urgent.ackMinutes).toBe(policy.urgent.ackWithin / 60_000);
  });
});

describe('a signed board link', () => {
  const SECRET = 'board-link-secret-0123456789';

  it('opens its unit until it expires', () => {
    const link = signBoardLink(SECRET, 'C1', NOW + 86_400_000);
    expect(verifyBoardLink(SECRET, link, NOW)).toEqual({ ok: true });
    expect(verifyBoardLink(SECRET, link, NOW + 86_400_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('is refused for another unit, another expiry, another secret, or without a secret', () => {
    const link = signBoardLink(SECRET, 'C1', NOW + 86_400_000);
    expect(verifyBoardLink(SECRET, { ...link, unit: 'PS1' }, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyBoardLink(SECRET, { ...link, exp: link.exp + 1 }, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyBoardLink('another-secret-0123456789', link, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyBoardLink(null, link, NOW)).toEqual({ ok: false, reason: 'no-secret' });
  });
});
