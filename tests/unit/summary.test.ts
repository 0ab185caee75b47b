import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/config.js';
import { indexOrg } from '../../src/domain/org.js';
import { compileSummaries, percentile, type ShiftRows } from '../../src/domain/summary.js';
import { shiftReportText } from '../../src/domain/summary-replies.js';

const org = indexOrg(parseProfile(parse(readFileSync('bots/demo.yaml', 'utf8'))).org);
const from = Date.UTC(2026, 10, 23, 0); // 08:00 Shanghai
const to = Date.UTC(2026, 10, 23, 12); // 20:00 Shanghai
const min = 60_000;

/** A hand-built shift: G1 and G2 (community C1) and G3 (community C2), all under station PS1. */
const rows: ShiftRows = {
  units: [
    { unit: 'G1', received: { urgent: 2, low: 1 }, ackMs: [2 * min, 8 * min], late: 1, resolveMs: [20 * min], results: ['dissuaded'], lossAverted: 50_000, lossTotal: 0 },
    {
      unit: 'G2', received: { high: 3 }, ackMs: [4 * min, 6 * min], late: 0,
      resolveMs: [40 * min, 10 * min], results: ['defrauded', 'dissuaded'], lossAverted: 12_000, lossTotal: 5_000,
    },
    { unit: 'G3', received: { medium: 4 }, ackMs: [30 * min], late: 0, resolveMs: [60 * min], results: ['false_positive'], lossAverted: 0, lossTotal: 0 },
  ],
  escalations: [
    { unit: 'G1', step: 1, count: 2 },
    { unit: 'G1', step: 2, count: 1 },
    { unit: 'G3', step: 1, count: 1 },
  ],
  open: [
    { unit: 'G1', caseId: 'K7Q2', level: 'low', assignee: '李网格', createdAt: to - 90 * min, status: 'dispatched', overdue: false },
    { unit: 'G2', caseId: 'M4P9', level: 'urgent', assignee: '陈网格', createdAt: to - 10 * min, status: 'acknowledged', overdue: true },
  ],
  outreach: [
    { unit: 'C1', events: 2, people: 150, installs: 40 },
    { unit: 'G3', events: 1, people: 60, installs: 12 },
  ],
};

const all = compileSummaries(org, from, to, rows);
const g1 = all.get('G1')!;
const c1 = all.get('C1')!;
const ps1 = all.get('PS1')!;

describe('a grid’s own figures', () => {
  it('counts what happened in the grid', () => {
    expect(g1.received).toEqual({ urgent: 2, high: 0, medium: 0, low: 1, total: 3 });
    expect([g1.acknowledged, g1.acknowledgedWithinSla, g1.acknowledgedLate]).toEqual([2, 1, 1]);
    expect(g1.resolved).toBe(1);
    expect(g1.lossAverted).toBe(50_000);
    expect(g1.escalations).toBe(3);
    expect(g1.escalationsByStep).toEqual({ '1': 2, '2': 1 });
    expect(g1.timeToAck).toEqual({ p50: 2 * min, p90: 8 * min });
    expect(g1.outreach).toEqual({ events: 0, people: 0, installs: 0 });
    expect(g1.carriedOver).toEqual({ count: 1, overdue: 0, cases: [{ caseId: 'K7Q2', level: 'low', assignee: '李网格', status: 'dispatched', ageMs: 90 * min, overdue: false }] });
  });
});

describe('a parent’s figures are the sum of its subtree', () => {
  it('adds G1 and G2 into community C1, with its own outreach', () => {
    expect(c1.received).toEqual({ urgent: 2, high: 3, medium: 0, low: 1, total: 6 });
    expect(c1.acknowledged).toBe(4);
    expect(c1.resolvedByResult).toMatchObject({ dissuaded: 2, defrauded: 1, false_positive: 0 });
    expect(c1.lossAverted).toBe(62_000);
    expect(c1.lossTotal).toBe(5_000);
    // Ack times 2, 8, 4, 6 minutes: nearest-rank p50 = 4, p90 = 8.
    expect(c1.timeToAck).toEqual({ p50: 4 * min, p90: 8 * min });
    expect(c1.outreach).toEqual({ events: 2, people: 150, installs: 40 });
  });

  it('adds both communities into the station, listing the most severe handover first', () => {
    expect(ps1.received.total).toBe(10);
    expect(ps1.acknowledged).toBe(5);
    expect(ps1.resolved).toBe(4);
    expect(ps1.escalations).toBe(4);
    expect(ps1.escalationsByStep).toEqual({ '1': 3, '2': 1 });
    // Resolve times 20, 40, 10, 60: p50 = 20, p90 = 60.
    expect(ps1.timeToResolve).toEqual({ p50: 20 * min, p90: 60 * min });
    expect(ps1.carriedOver.cases.map((c) => c.caseId)).toEqual(['M4P9', 'K7Q2']);
    expect(ps1.outreach).toEqual({ events: 3, people: 210, installs: 52 });
    expect(all.get('D1')!.received.total).toBe(10);
  });

  it('leaves a quiet unit at zero', () => {
    expect(all.get('G4')).toMatchObject({ received: { total: 0 }, acknowledged: 0, timeToAck: null, carriedOver: { count: 0, overdue: 0, cases: [] } });
  });
});

describe('percentile (nearest rank)', () => {
  it.each([
    [[4, 1, 3, 2], 50, 2],
    [[4, 1, 3, 2], 90, 4],
    [[7], 50, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
  ])('of %j at p%i is %i', (values, p, expected) => expect(percentile(values, p)).toBe(expected));
  it('is null for no values', () => expect(percentile([], 50)).toBeNull());
});

describe('the shift report', () => {
  const text = shiftReportText(ps1, '三里屯派出所', 'Asia/Shanghai');
  it('reads well on a phone', () => {
    expect(text.split('\n')[0]).toBe('【交接班】三里屯派出所 11月23日 08:00–20:00');
    expect(text).toContain('收到预警 10件（紧急2 高危3 中危4 低危1）');
    expect(text).toContain('办结 4件：劝阻成功2 已被骗1（损失5000元） 误报1');
    expect(text).toContain('移交下一班 2件，其中超时1件：');
    expect(text).toContain('· M4P9 紧急 陈网格 处置中 10分钟 ⚠️超时');
    expect(text).toContain('宣传 3场，覆盖210人，装APP 52');
    expect(text.split('\n').length).toBeLessThanOrEqual(14);
  });
});

describe('rows folded by unit', () => {
  it('adds a unit’s second row (older cases acknowledged or resolved in the window) to its first', () => {
    const s = compileSummaries(org, from, to, {
      ...rows,
      units: [...rows.units, { unit: 'G1', received: {}, ackMs: [20 * min], late: 1, resolveMs: [5 * min], results: ['defrauded'], lossAverted: 0, lossTotal: 800 }],
    }).get('G1')!;
    expect(s.received.total).toBe(3);
    expect([s.acknowledged, s.acknowledgedLate, s.acknowledgedWithinSla]).toEqual([3, 2, 1]);
    expect(s.resolvedByResult).toMatchObject({ dissuaded: 1, defrauded: 1 });
    expect(s.lossTotal).toBe(800);
    expect(s.timeToAck).toEqual({ p50: 8 * min, p90: 20 * min });
  });

  it('lists a station’s handover from every grid’s most urgent cases, though one grid has more than the list holds', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      unit: 'G1', caseId: `A${String(i).padStart(3, '0')}`, level: 'low' as const, assignee: '李网格', createdAt: to - (i + 1) * min, status: 'dispatched', overdue: false,
    }));
    const overdue = { unit: 'G3', caseId: 'Z9Z9', level: 'medium' as const, assignee: '吴网格', createdAt: to - min, status: 'dispatched', overdue: true };
    const all = compileSummaries(org, from, to, { ...rows, open: [...many, overdue] });
    const station = all.get('PS1')!.carriedOver;
    expect(station.count).toBe(31);
    expect(station.overdue).toBe(1);
    // Overdue first; then the oldest of G1's (ages 30, 29, … minutes).
    expect(station.cases.map((c) => c.caseId)).toEqual(['Z9Z9', ...many.slice(11).reverse().map((c) => c.caseId)]);
    expect(all.get('G1')!.carriedOver.cases).toHaveLength(20);
  });
});

describe('percentiles of a shift', () => {
  it('are the nearest-rank p50 and p90 of the values, however many repeat, split over any units', () => {
    const grids = ['G1', 'G2', 'G3', 'G4'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...grids), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 300 }), (acks) => {
        const units = grids.map((unit) => ({
          unit, received: {}, ackMs: acks.filter(([u]) => u === unit).map(([, v]) => v * min), late: 0, resolveMs: [], results: [], lossAverted: 0, lossTotal: 0,
        }));
        const s = compileSummaries(org, from, to, { units, escalations: [], open: [], outreach: [] }).get('PS1')!;
        const values = acks.map(([, v]) => v * min);
        expect(s.timeToAck).toEqual({ p50: percentile(values, 50), p90: percentile(values, 90) });
      }),
      { numRuns: 300 },
    );
  });
});
