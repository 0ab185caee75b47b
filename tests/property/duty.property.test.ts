/**
 * Hostile input at the duty entry points (issue 16): day ranges, duty tables and duty commands
 * as anything people or files may hold. Nothing throws; what is accepted is sane; a worker's
 * message never records approved leave for someone else, whatever it says.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/config.js';
import { addDays } from '../../src/domain/format.js';
import { indexOrg } from '../../src/domain/org.js';
import { parseDayRange } from '../../src/domain/roster.js';
import { readRosterRows } from '../../src/domain/roster-import.js';
import { understand } from '../../src/domain/understand/index.js';
import { rostersOf } from '../../src/profile-rosters.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const org = indexOrg(parseProfile(parse(readFileSync('bots/demo.yaml', 'utf8'))).org);
const DAY_WORDS = ['今天', '明天', '后天', '大后天', '周三', '下周一', '11月30日', '12月2日', '30号', '2号', '1.5', '十二月一日', '-', '到', '至', '~', ' ', '号', '日', '月', '0', '31', '99'];
const dayText = fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.constantFrom(...DAY_WORDS), { maxLength: 6 }).map((a) => a.join('')));
const today = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2025-01-01', n));

describe('day ranges', () => {
  it('read 明天 but not a word named like a property of every object (regression: “__proto__” threw RangeError)', () => {
    expect(parseDayRange('__proto__', '2026-11-28')).toEqual({ ok: false });
    expect(parseDayRange('constructor', '2026-11-28')).toEqual({ ok: false });
    expect(readRosterRows([['日期', '时段', '单位', '姓名', '__proto__'], ['2026-12-01', 'constructor', 'G1', '李网格', '']], org, rostersOf(null, 'Asia/Shanghai'), 2026).errors.map((e) => e.field)).toEqual(['时段']);
  });

  it('never throw, and an accepted range starts today or later and spans at most two months', () => {
    fc.assert(
      fc.property(dayText, today, (text, t) => {
        const r = parseDayRange(text, t);
        if (r.ok) {
          expect(r.first >= t).toBe(true);
          expect(r.last >= r.first).toBe(true);
          expect(r.last <= addDays(r.first, 62)).toBe(true);
          expect(addDays(r.last, 0)).toBe(r.last);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('duty tables', () => {
  const cell = fc.oneof(fc.constant(null), fc.string({ maxLength: 12 }), fc.double({ noNaN: false }), fc.constantFrom('2026-12-01', '白班', '夜班', 'G1', 'PS1', '李网格', '钱警官', '请假', '08:00-20:00', '25:00-26:00', '幸福里第一网格'));
  const table = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 });
  it('never throw; every row is either read or named with an error, by its spreadsheet number', () => {
    const rosters = rostersOf(null, 'Asia/Shanghai');
    fc.assert(
      fc.property(table, fc.boolean(), (rows, withHeader) => {
        const input = withHeader ? [['日期', '时段', '单位', '姓名', '类型'], ...rows] : rows;
        const r = readRosterRows(input, org, rosters, 2026);
        if (r.fileProblem) return;
        for (const row of r.rows) {
          expect(row.to).toBeGreaterThan(row.from);
          expect(org.member(row.member)).toBeDefined();
        }
        for (const e of r.errors) expect(e.row).toBeGreaterThanOrEqual(2);
        expect(new Set([...r.rows.map((x) => x.row), ...r.errors.map((e) => e.row)]).size).toBeLessThanOrEqual(r.dataRows);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('duty commands', () => {
  const words = ['请假', '批准', '不批准', '换班', '同意', '值班', '@周网格', '李网格', '明天', '11月30日-12月2日', '吗', '？', '不', '帮', ' ', '，'];
  const message = fc.oneof(fc.string({ maxLength: 30 }), fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((a) => a.join('')));
  const members = org.org.members.map(({ name, role }) => ({ name, role }));
  it('are read without throwing, and a volunteer gets at most 值班 from them', () => {
    fc.assert(
      fc.property(message, fc.constantFrom('worker', 'lead', 'volunteer', 'supervisor') as fc.Arbitrary<'worker'>, fc.boolean(), (text, role, pendingSwap) => {
        const d = understand(text, { role, room: 'tasks', mention: false, openCases: [], visibleCases: [], quote: null, pushIsLatest: false, pendingConfirmation: false, botName: '网格哨兵', members, pendingSwap });
        if ((role as string) === 'volunteer' && d.kind === 'act') expect(['leave', 'approve', 'swap', 'swap_answer']).not.toContain(d.command.kind);
        if (role === 'worker' && d.kind === 'act') expect(d.command.kind).not.toBe('approve');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('duty commands through the service', () => {
  let sb: SandboxFixture;
  beforeAll(async () => {
    sb = await bootSandbox('duty-property');
  });
  afterAll(async () => {
    await sb?.cleanup();
  });

  it('answers hostile duty messages without a crash, and a worker never records approved leave for someone else', async () => {
    const tail = fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.constantFrom('李网格', '@周网格 ', '明天', '11月30日-12月2日', '批准', '吗', '\u0000', '🙂', '「引用」', '\n'), { maxLength: 5 }).map((a) => a.join('')));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('请假', '换班', '批准', '值班', '同意', '不批准'), tail, fc.boolean(), async (head, rest, privately) => {
        await sb.say('陈网格', privately ? 'bot' : '幸福里第二网格工作群', `${head} ${rest}`);
      }),
      { numRuns: 80 },
    );
    // The service is alive and has worked through them: a barrier message is answered after them all.
    const barrier = await sb.say('陈网格', 'bot', '帮助');
    await sb.botMessage((m) => m.to === '陈网格' && m.text.includes('常用指令'), barrier, 30_000);
    expect(sb.logs.text()).not.toMatch(/"level":50/);
    const others = sb.app.store().sqlite.prepare("select member, status from duty_changes where requested_by = '陈网格' and member != '陈网格' and status = 'approved' and request = 'leave'").all();
    expect(others).toEqual([]);
  }, 120_000);
});
