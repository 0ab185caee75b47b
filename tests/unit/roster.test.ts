import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/config.js';
import { dutyCandidates, nearestOnDuty, type Duty } from '../../src/domain/duty-routing.js';
import { localInstant } from '../../src/domain/format.js';
import { chooseAssignee, routeLead } from '../../src/domain/lead.js';
import { indexOrg } from '../../src/domain/org.js';
import { memberSlotsOn, nextSlot, onDuty, parseDayRange, swapChanges, type DutyChange, type Rosters } from '../../src/domain/roster.js';
import { readRosterRows } from '../../src/domain/roster-import.js';
import { profileDutyChanges, rostersOf, type RostersConfig } from '../../src/profile-rosters.js';

const TZ = 'Asia/Shanghai';
const demo = parse(readFileSync('bots/demo.yaml', 'utf8'));
const org = indexOrg(parseProfile(demo).org);
/** Local time in Beijing: `bj('2026-11-30', '02:00')`. */
const bj = (day: string, hhmm: string, tz = TZ) => localInstant(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), tz);

/** G1's day shift, the station's night duty, C1's lead on workdays. 2026-11-30 is a Monday. */
const cfg: RostersConfig = {
  holidays: ['2026-10-01', '2026-10-02'],
  workdays: ['2026-10-10'],
  units: [
    { unit: 'G1', shifts: [{ name: '白班', from: '08:00', to: '20:00', days: 'daily', members: ['李网格', '周网格'] }], overrides: [] },
    { unit: 'PS1', shifts: [{ name: '夜班', from: '20:00', to: '08:00', days: 'daily', members: ['钱警官'] }], overrides: [] },
    { unit: 'C1', shifts: [{ name: '白班', from: '08:30', to: '17:30', days: 'workdays', members: ['王社区'] }], overrides: [] },
  ],
};
const rosters = rostersOf(cfg, TZ);
const leave = (member: string, from: number, to: number): DutyChange => ({ kind: 'leave', member, unit: null, from, to });
const duty = (at: number, changes: DutyChange[] = [], r: Rosters = rosters): Duty => ({ rosters: r, changes, at });

describe('roster arithmetic', () => {
  it('puts the weekly pattern on duty inside its hours and nobody outside them', () => {
    expect(onDuty(rosters, [], 'G1', bj('2026-11-30', '10:00'))).toEqual(['李网格', '周网格']);
    expect(onDuty(rosters, [], 'G1', bj('2026-11-30', '20:00'))).toEqual([]);
    expect(onDuty(rosters, [], 'G1', bj('2026-11-30', '07:59'))).toEqual([]);
    // A unit without a roster: null, so routing keeps the rule before rosters.
    expect(onDuty(rosters, [], 'G2', bj('2026-11-30', '10:00'))).toBeNull();
  });

  it('gives a night shift crossing midnight to the day it started on', () => {
    const mondaysOnly = rostersOf({ ...cfg, units: [{ unit: 'PS1', shifts: [{ name: '夜班', from: '20:00', to: '08:00', days: [1], members: ['钱警官'] }], overrides: [] }] }, TZ);
    expect(onDuty(mondaysOnly, [], 'PS1', bj('2026-11-30', '21:00'))).toEqual(['钱警官']);
    // Tuesday 02:00 is still Monday's night.
    expect(onDuty(mondaysOnly, [], 'PS1', bj('2026-12-01', '02:00'))).toEqual(['钱警官']);
    expect(onDuty(mondaysOnly, [], 'PS1', bj('2026-12-01', '08:00'))).toEqual([]);
    expect(onDuty(mondaysOnly, [], 'PS1', bj('2026-12-01', '21:00'))).toEqual([]);
    // Monday 02:00 belongs to Sunday's night, which does not run.
    expect(onDuty(mondaysOnly, [], 'PS1', bj('2026-11-30', '02:00'))).toEqual([]);
  });

  it('follows the calendar: holidays are rest days, a make-up working day (调休上班) is a workday', () => {
    // 2026-10-01 is a Thursday holiday; 2026-10-10 a Saturday worked; 2026-10-11 a plain Sunday.
    expect(onDuty(rosters, [], 'C1', bj('2026-10-01', '10:00'))).toEqual([]);
    expect(onDuty(rosters, [], 'C1', bj('2026-10-10', '10:00'))).toEqual(['王社区']);
    expect(onDuty(rosters, [], 'C1', bj('2026-10-11', '10:00'))).toEqual([]);
    expect(onDuty(rosters, [], 'C1', bj('2026-10-12', '10:00'))).toEqual(['王社区']);
  });

  it('reads the hours in the profile time zone, across a daylight-saving change', () => {
    const berlin = rostersOf({ holidays: [], workdays: [], units: [{ unit: 'G1', shifts: [{ name: '夜班', from: '22:00', to: '06:00', days: 'daily', members: ['李网格'] }], overrides: [] }] }, 'Europe/Berlin');
    // 22:00 in Berlin is 21:00 UTC in winter.
    expect(onDuty(berlin, [], 'G1', Date.UTC(2026, 10, 30, 21, 30))).toEqual(['李网格']);
    expect(onDuty(berlin, [], 'G1', Date.UTC(2026, 10, 30, 20, 30))).toEqual([]);
    // The night the clocks go forward (2026-03-29) is an hour shorter: 22:00 CET to 06:00 CEST.
    const slot = nextSlot(berlin, [], 'G1', Date.UTC(2026, 2, 28, 12));
    expect(slot && (slot.end - slot.start) / 3_600_000).toBe(7);
  });

  it('takes members on leave off duty and lets a dated table replace the pattern', () => {
    const at = bj('2026-11-30', '10:00');
    expect(onDuty(rosters, [leave('李网格', bj('2026-11-30', '00:00'), bj('2026-12-01', '00:00'))], 'G1', at)).toEqual(['周网格']);
    const table: DutyChange = { kind: 'slot', member: '陈网格', unit: 'G1', from: bj('2026-11-30', '08:00'), to: bj('2026-11-30', '20:00'), label: '白班' };
    expect(onDuty(rosters, [table], 'G1', at)).toEqual(['陈网格']);
    const extra: DutyChange = { kind: 'duty', member: '陈网格', unit: 'G1', from: at, to: at + 3_600_000 };
    expect(onDuty(rosters, [extra], 'G1', at)).toEqual(['李网格', '周网格', '陈网格']);
  });

  it('reads the profile overrides: a day off and a holiday table with nobody', () => {
    const withOverrides: RostersConfig = {
      ...cfg,
      units: [{ unit: 'G1', shifts: cfg.units[0]!.shifts, overrides: [{ date: '2026-12-01', to: '2026-12-02', off: ['李网格'] }, { date: '2026-12-03', shift: '白班', members: [] }] }],
    };
    const changes = profileDutyChanges(withOverrides, TZ);
    const r = rostersOf(withOverrides, TZ);
    expect(onDuty(r, changes, 'G1', bj('2026-12-02', '10:00'))).toEqual(['周网格']);
    expect(onDuty(r, changes, 'G1', bj('2026-12-03', '10:00'))).toEqual([]);
    expect(onDuty(r, changes, 'G1', bj('2026-12-04', '10:00'))).toEqual(['李网格', '周网格']);
  });

  it('names the next shift', () => {
    const next = nextSlot(rosters, [], 'G1', bj('2026-11-30', '21:00'));
    expect(next).toMatchObject({ name: '白班', start: bj('2026-12-01', '08:00'), members: ['李网格', '周网格'] });
  });

  it('swaps two members’ shifts of a day as leave for one and duty for the other', () => {
    const units = org.org.units.map((u) => u.code);
    const a = memberSlotsOn(rosters, [], units, '李网格', '2026-12-01');
    const b = memberSlotsOn(rosters, [], units, '钱警官', '2026-12-01');
    const changes = swapChanges(a, b, '李网格', '钱警官');
    expect(onDuty(rosters, changes, 'G1', bj('2026-12-01', '10:00'))).toEqual(['周网格', '钱警官']);
    expect(onDuty(rosters, changes, 'PS1', bj('2026-12-01', '22:00'))).toEqual(['李网格']);
  });
});

describe('reading days as people write them', () => {
  const today = '2026-11-28';
  it.each([
    ['明天', '2026-11-29', '2026-11-29'],
    ['今天到后天', '2026-11-28', '2026-11-30'],
    ['11月30日-12月2日', '2026-11-30', '2026-12-02'],
    ['11.30~12.2', '2026-11-30', '2026-12-02'],
    ['30号到2号', '2026-11-30', '2026-12-02'],
    ['十二月一日', '2026-12-01', '2026-12-01'],
    ['下周一', '2026-11-30', '2026-11-30'],
    ['周三', '2026-12-02', '2026-12-02'],
    ['12月30日-1月2日', '2026-12-30', '2027-01-02'],
    ['1月3日', '2027-01-03', '2027-01-03'],
  ])('%s', (text, first, last) => {
    expect(parseDayRange(text, today)).toEqual({ ok: true, first, last });
  });
  it.each(['昨天', '2月30日', '明天到今天', '好的', '', '1月1日-6月1日'])('refuses %s', (text) => {
    expect(parseDayRange(text, today).ok).toBe(false);
  });
});

describe('routing by duty', () => {
  it('gives a daytime lead to the grid’s workers on duty, fairly by open load', () => {
    const r = routeLead(org, { unit: 'G1', assignee: null }, duty(bj('2026-11-30', '10:00')));
    expect(r.ok && r.how).toBe('duty');
    expect(r.ok && chooseAssignee(r, new Map([['李网格', 2]]), new Map()).name).toBe('周网格');
  });

  it('gives a lead at night to the station’s night duty when the grid has nobody on duty', () => {
    const r = routeLead(org, { unit: 'G1', assignee: null }, duty(bj('2026-12-01', '02:00')));
    expect(r.ok && r.how).toBe('duty_up');
    expect(r.ok && chooseAssignee(r, new Map(), new Map()).name).toBe('钱警官');
  });

  it('never gives a case to a worker on leave', () => {
    const at = bj('2026-11-30', '10:00');
    const c = dutyCandidates(org, 'G1', duty(at, [leave('李网格', at - 1, at + 1)]));
    expect(c.members.map((m) => m.name)).toEqual(['周网格']);
    // A grid without a roster whose only worker is away, and nobody on duty above by day: its lead.
    const away = duty(at, [leave('刘网格', at - 1, at + 1)]);
    expect(dutyCandidates(org, 'G3', away).members).toEqual([]);
    const r = routeLead(org, { unit: 'G3', assignee: null }, away);
    expect(r.ok && chooseAssignee(r, new Map(), new Map()).name).toBe('郑社区');
  });

  it('keeps the rule before rosters where a grid has none', () => {
    const c = dutyCandidates(org, 'G2', duty(bj('2026-11-30', '10:00')));
    expect(c).toMatchObject({ how: 'no_roster', members: [{ name: '陈网格' }] });
  });

  it('falls back to the grid’s workers when nobody up the tree is on duty', () => {
    const dayOnly = rostersOf({ ...cfg, units: [cfg.units[0]!] }, TZ);
    const c = dutyCandidates(org, 'G1', duty(bj('2026-12-01', '02:00'), [], dayOnly));
    expect(c.how).toBe('off_duty');
    expect(c.members.map((m) => m.name)).toEqual(['李网格', '周网格']);
  });

  it('sends the chain’s roles to the ones on duty', () => {
    // At night the station's supervisor step goes to 钱警官 (on night duty), by day to the first supervisor.
    expect(nearestOnDuty(org, 'G1', 'supervisor', duty(bj('2026-12-01', '02:00')))?.name).toBe('钱警官');
    expect(nearestOnDuty(org, 'G1', 'supervisor', duty(bj('2026-12-01', '10:00')))?.name).toBe('赵督导');
    // The lead off duty at night still gets it: nobody else holds the role.
    expect(nearestOnDuty(org, 'G1', 'lead', duty(bj('2026-12-01', '02:00')))?.name).toBe('王社区');
  });
});

describe('importing a duty table', () => {
  const rows = (...data: (string | number | null)[][]) => [['日期', '时段', '单位', '姓名', '类型'], ...data];
  it('reads good rows with their windows', () => {
    const r = readRosterRows(rows(['2026-11-30', '夜班', 'PS1', '钱警官', ''], ['2026/12/1', '08:00-20:00', '幸福里第一网格', '李网格', '值班'], [46357, '全天', 'G1', '周网格', '请假']), org, rosters, 2026);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.day, x.unit, x.member, x.kind])).toEqual([
      [2, '2026-11-30', 'PS1', '钱警官', 'slot'],
      [3, '2026-12-01', 'G1', '李网格', 'slot'],
      [4, '2026-12-01', 'G1', '周网格', 'leave'],
    ]);
    expect(r.rows[0]!.to - r.rows[0]!.from).toBe(12 * 3_600_000);
  });

  it('names each bad row by its spreadsheet row number', () => {
    const r = readRosterRows(rows(['2026-11-31', '白班', 'G1', '李网格', ''], ['2026-12-01', '早班', 'G1', '李网格', ''], ['2026-12-01', '白班', 'G9', '李网格', ''], ['2026-12-01', '白班', 'G1', '孙志愿', ''], ['2026-12-01', '白班', 'G3', '陈网格', '']), org, rosters, 2026);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [2, '日期'],
      [3, '时段'],
      [4, '单位'],
      [5, '姓名'],
      [6, '姓名'],
    ]);
    expect(r.rows).toEqual([]);
  });

  it('refuses a file without the headers', () => {
    expect(readRosterRows([['date', 'who'], ['2026-12-01', '李网格']], org, rosters, 2026).fileProblem).toContain('时段');
  });
});
