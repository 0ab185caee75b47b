/**
 * Duty rosters (值班表): who is on duty in a unit at an instant. Pure arithmetic over a weekly
 * pattern per unit, a calendar of holidays and make-up working days (调休上班), and dated changes
 * (leave, extra duty, a dated duty table that replaces the pattern, swaps as leave + duty).
 * A shift belongs to the day it starts on: a night shift 20:00–08:00 of Monday ends Tuesday 08:00.
 */
import { addDays, isoWeekday, localDay, localInstant } from './format.js';

/** Which days a weekly shift runs: every day, working days or rest days of the calendar, or ISO weekdays (1 = Monday). */
export type DaySelector = 'daily' | 'workdays' | 'restdays' | readonly number[];

export interface ShiftPattern {
  /** 白班, 夜班 … */
  name: string;
  /** Local minutes after midnight; `to <= from` means the shift ends the next day. */
  from: number;
  to: number;
  days: DaySelector;
  members: readonly string[];
}

export interface Calendar {
  /** Rest days that fall on a weekday (法定节假日), YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
  /** Working days that fall on a weekend (调休上班), YYYY-MM-DD. */
  workdays: ReadonlySet<string>;
}

/**
 * A dated change, from the profile, an import or the chat. `leave`: the member is off duty
 * (everywhere) in [from, to). `duty`: the member is on duty in `unit` in [from, to), beside the
 * pattern. `slot`: a dated duty table row; where a unit has slots, they replace its pattern.
 */
export interface DutyChange {
  kind: 'leave' | 'duty' | 'slot';
  member: string;
  unit: string | null;
  from: number;
  to: number;
  /** The shift's name for people (白班), when known. */
  label?: string | null;
}

export interface Rosters {
  calendar: Calendar;
  /** Weekly patterns by unit code; a unit absent here has no pattern. */
  patterns: ReadonlyMap<string, readonly ShiftPattern[]>;
  /** Units with a dated duty table (imported), at any time: they have a roster even without a pattern. */
  tableUnits?: ReadonlySet<string>;
  timezone: string;
}

/** One stretch of duty in a unit. */
export interface Slot {
  unit: string;
  name: string;
  start: number;
  end: number;
  members: string[];
}

export const NO_ROSTERS: Rosters = { calendar: { holidays: new Set(), workdays: new Set() }, patterns: new Map(), timezone: 'Asia/Shanghai' };

/**
 * True when the day is a working day: Monday to Friday unless a holiday, or a make-up working day.
 * @example isWorkday('2026-10-01', calendar) // false when 10-01 is listed as a holiday
 */
export function isWorkday(day: string, calendar: Calendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  return isoWeekday(day) <= 5;
}

function runsOn(p: ShiftPattern, day: string, calendar: Calendar): boolean {
  if (p.days === 'daily') return true;
  if (p.days === 'workdays') return isWorkday(day, calendar);
  if (p.days === 'restdays') return !isWorkday(day, calendar);
  return p.days.includes(isoWeekday(day));
}

/** The window of a shift started on `day`. */
export function shiftWindow(p: Pick<ShiftPattern, 'from' | 'to'>, day: string, tz: string): { start: number; end: number } {
  const start = localInstant(day, p.from, tz);
  const end = localInstant(p.to <= p.from ? addDays(day, 1) : day, p.to, tz);
  return { start, end };
}

/**
 * The pattern's shifts of a unit that start on a local day.
 * @example patternSlots(rosters, 'G1', '2026-11-30') // [{ name: '白班', start, end, members: ['李网格', '周网格'] }]
 */
export function patternSlots(r: Rosters, unit: string, day: string): Slot[] {
  const out: Slot[] = [];
  for (const p of r.patterns.get(unit) ?? []) {
    if (!runsOn(p, day, r.calendar)) continue;
    const w = shiftWindow(p, day, r.timezone);
    out.push({ unit, name: p.name, start: w.start, end: w.end, members: [...p.members] });
  }
  return out;
}

/** True when the unit has a roster at all: a pattern, or dated duty of any kind. */
export function hasRoster(r: Rosters, changes: readonly DutyChange[], unit: string): boolean {
  return r.patterns.has(unit) || r.tableUnits?.has(unit) === true || changes.some((c) => c.unit === unit && c.kind !== 'leave');
}

/**
 * True when the member is on leave at `at`.
 * @example onLeave(changes, '李网格', at) // true during 请假
 */
export function onLeave(changes: readonly DutyChange[], member: string, at: number): boolean {
  return changes.some((c) => c.kind === 'leave' && c.member === member && c.from <= at && at < c.to);
}

/**
 * Every stretch of duty of a unit covering `at`: the dated table where it covers the moment,
 * else the pattern's shifts (those started the day before reach past midnight), plus extra duty.
 * Members on leave are left out of each slot.
 */
export function slotsAt(r: Rosters, changes: readonly DutyChange[], unit: string, at: number): Slot[] {
  const mine = changes.filter((c) => c.unit === unit && c.from <= at && at < c.to);
  const table = mine.filter((c) => c.kind === 'slot');
  let slots: Slot[];
  if (table.length > 0) {
    slots = groupSlots(unit, table);
  } else {
    const today = localDay(at, r.timezone);
    slots = [...patternSlots(r, unit, addDays(today, -1)), ...patternSlots(r, unit, today)].filter((s) => s.start <= at && at < s.end);
  }
  slots.push(...groupSlots(unit, mine.filter((c) => c.kind === 'duty')));
  return slots.map((s) => ({ ...s, members: s.members.filter((m) => !onLeave(changes, m, at)) }));
}

function groupSlots(unit: string, list: readonly DutyChange[]): Slot[] {
  const by = new Map<string, Slot>();
  for (const c of list) {
    const key = `${c.from}-${c.to}-${c.label ?? ''}`;
    const s = by.get(key);
    if (s) {
      if (!s.members.includes(c.member)) s.members.push(c.member);
    } else by.set(key, { unit, name: c.label ?? '值班', start: c.from, end: c.to, members: [c.member] });
  }
  return [...by.values()];
}

/**
 * Who is on duty in a unit at `at`: null when the unit has no roster (everyone of it counts, as
 * before rosters), else the names on duty, without those on leave (possibly none).
 * @example onDuty(rosters, [], 'G1', at) // ['李网格', '周网格']
 */
export function onDuty(r: Rosters, changes: readonly DutyChange[], unit: string, at: number): string[] | null {
  if (!hasRoster(r, changes, unit)) return null;
  const names = new Set<string>();
  for (const s of slotsAt(r, changes, unit, at)) for (const m of s.members) if (m !== '') names.add(m);
  return [...names];
}

/**
 * The next stretch of duty of a unit starting after `at` (within eight days), with its members
 * as they will stand then; null when none.
 * @example nextSlot(rosters, [], 'G1', at) // { name: '夜班', start, end, members: ['钱警官'] }
 */
export function nextSlot(r: Rosters, changes: readonly DutyChange[], unit: string, at: number): Slot | null {
  const starts = new Set<number>();
  const today = localDay(at, r.timezone);
  for (let d = 0; d <= 8; d++) for (const s of patternSlots(r, unit, addDays(today, d))) if (s.start > at) starts.add(s.start);
  for (const c of changes) if (c.unit === unit && c.kind !== 'leave' && c.from > at) starts.add(c.from);
  for (const start of [...starts].sort((a, b) => a - b)) {
    const slots = slotsAt(r, changes, unit, start).filter((s) => s.start === start);
    if (slots.length > 0) {
      const members = [...new Set(slots.flatMap((s) => s.members))];
      return { unit, name: slots[0]!.name, start, end: Math.max(...slots.map((s) => s.end)), members };
    }
  }
  return null;
}

/**
 * The member's own stretches of duty that start on a local day (in any unit), from the pattern
 * and dated duty: what a swap exchanges.
 */
export function memberSlotsOn(r: Rosters, changes: readonly DutyChange[], units: readonly string[], member: string, day: string): Slot[] {
  const dayStart = localInstant(day, 0, r.timezone);
  const dayEnd = localInstant(addDays(day, 1), 0, r.timezone);
  const out: Slot[] = [];
  for (const unit of units) {
    const table = changes.filter((c) => c.unit === unit && c.kind === 'slot' && c.from >= dayStart && c.from < dayEnd);
    const slots = table.length > 0 ? groupSlots(unit, table) : patternSlots(r, unit, day);
    slots.push(...groupSlots(unit, changes.filter((c) => c.unit === unit && c.kind === 'duty' && c.from >= dayStart && c.from < dayEnd)));
    for (const s of slots) if (s.members.includes(member) && !onLeave(changes, member, s.start)) out.push(s);
  }
  return out;
}

/**
 * The changes that swap two members' duty on a day: each one's stretches go to the other
 * (leave for the one, duty for the other, over the same window).
 * @example swapChanges(aSlots, bSlots, '李网格', '周网格') // [leave 李网格, duty 周网格, …]
 */
export function swapChanges(aSlots: readonly Slot[], bSlots: readonly Slot[], a: string, b: string): DutyChange[] {
  const out: DutyChange[] = [];
  for (const s of aSlots) out.push({ kind: 'leave', member: a, unit: s.unit, from: s.start, to: s.end, label: s.name }, { kind: 'duty', member: b, unit: s.unit, from: s.start, to: s.end, label: s.name });
  for (const s of bSlots) out.push({ kind: 'leave', member: b, unit: s.unit, from: s.start, to: s.end, label: s.name }, { kind: 'duty', member: a, unit: s.unit, from: s.start, to: s.end, label: s.name });
  return out;
}

/** A day range as people write it, resolved against today: [first day, last day] inclusive. */
export type DayRange = { ok: true; first: string; last: string } | { ok: false };

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const RELATIVE: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2, 大后天: 3 };
const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/u.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  return s.length === 1 && Object.hasOwn(CN_DIGITS, s) ? CN_DIGITS[s]! : null;
}

/** One day expression: 明天, 周三/下周一, 11月30日, 11.30, 12-2, 30日/30号 (this month or the next). */
function oneDay(text: string, today: string, month: number | null): { day: string; month: number; monthWritten?: boolean } | null {
  const t = text.trim();
  if (Object.hasOwn(RELATIVE, t)) {
    const day = addDays(today, RELATIVE[t]!);
    return { day, month: Number(day.slice(5, 7)) };
  }
  const wk = /^(下)?(?:周|星期|礼拜)([一二三四五六日天])$/u.exec(t);
  if (wk) {
    const want = WEEKDAYS[wk[2]!]!;
    const now = isoWeekday(today);
    // 周三: the next Wednesday, today included; 下周三: Wednesday of next week.
    const delta = wk[1] ? 7 - now + want : (want - now + 7) % 7;
    const day = addDays(today, delta);
    return { day, month: Number(day.slice(5, 7)) };
  }
  const md = /^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:月|\.|-|\/)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日|号)?$/u.exec(t);
  const d = /^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日|号)$/u.exec(t);
  let m: number | null = null;
  let dd: number | null = null;
  if (md) {
    m = cnNumber(md[1]!);
    dd = cnNumber(md[2]!);
  } else if (d) {
    dd = cnNumber(d[1]!);
    m = month ?? Number(today.slice(5, 7));
  }
  if (m === null || dd === null || m < 1 || m > 12 || dd < 1 || dd > 31) return null;
  let year = Number(today.slice(0, 4));
  // A date more than a month in the past means next year (12月 typed in December for 1月).
  const candidate = `${year}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  if (candidate < addDays(today, -31)) year += 1;
  const day = `${year}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  // 2月30日 rolls over in Date: refuse it.
  if (addDays(day, 0) !== day) return null;
  return { day, month: m, monthWritten: !!md };
}

/**
 * Reads a day or a range of days: 明天, 今天到后天, 11月30日-12月2日, 11.30~12.2, 30号到2号,
 * 周三, 下周一至下周三. Days in the past are refused.
 * @example parseDayRange('11月30日-12月2日', '2026-11-28') // { ok: true, first: '2026-11-30', last: '2026-12-02' }
 */
export function parseDayRange(text: string, today: string): DayRange {
  const t = text.replace(/\s+/gu, '').replace(/[（(].*?[)）]/gu, '');
  if (t === '') return { ok: false };
  const parts = t.split(/(?:-|—|–|~|～|至|到)/u).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 2) return { ok: false };
  const first = oneDay(parts[0]!, today, null);
  if (!first) return { ok: false };
  const last = parts.length === 2 ? oneDay(parts[1]!, today, first.month) : first;
  if (!last) return { ok: false };
  let lastDay = last.day;
  if (lastDay < first.day && parts.length === 2) {
    if (!last.monthWritten && /[日号]$/u.test(parts[1]!)) {
      // 30号到2号: the end is in the next month.
      const [y, mo] = [Number(first.day.slice(0, 4)), Number(first.day.slice(5, 7))];
      const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
      lastDay = `${next}-${lastDay.slice(8)}`;
      if (addDays(lastDay, 0) !== lastDay) return { ok: false };
    } else {
      // 12月30日-1月2日: the end crosses into the next year.
      lastDay = `${Number(lastDay.slice(0, 4)) + 1}${lastDay.slice(4)}`;
    }
  }
  if (first.day < today || lastDay < first.day) return { ok: false };
  // A leave longer than two months is a typo more often than a plan.
  if (lastDay > addDays(first.day, 62)) return { ok: false };
  return { ok: true, first: first.day, last: lastDay };
}
