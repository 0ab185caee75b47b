/**
 * The profile's `rosters` key (DESIGN.md "Additions"): duty patterns and dated overrides per
 * unit, and the calendar of holidays and make-up working days. Turned into the domain's
 * `Rosters` and `DutyChange`s by `rostersOf` / `profileDutyChanges`.
 */
import { z } from 'zod';
import { addDays, localInstant } from './domain/format.js';
import { shiftWindow, type DaySelector, type DutyChange, type Rosters, type ShiftPattern } from './domain/roster.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD such as 2026-10-01').refine((d) => addDays(d, 0) === d, 'not a calendar date; expected YYYY-MM-DD such as 2026-10-01');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time HH:mm such as 08:00');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const names = z.array(z.string().trim().min(1).max(64));

const days = z.union([z.enum(['daily', 'workdays', 'restdays']), z.array(z.number().int().min(1).max(7)).min(1)]).default('daily');

const shift = z.strictObject({
  name: z.string().trim().min(1).max(16),
  from: clock,
  /** Equal to or before `from`: the shift ends the next day (a night shift). */
  to: clock,
  days,
  members: names.default([]),
});

const override = z
  .strictObject({
    /** The first day; `to` the last (inclusive), default the same day. */
    date: day,
    to: day.optional(),
    /** The pattern shift this replaces (its hours); without it, the whole day. */
    shift: z.string().trim().min(1).optional(),
    /** Who is on duty instead (empty: nobody, e.g. a holiday). */
    members: names.optional(),
    /** Who is off (请假/调休) on these days. */
    off: names.optional(),
  })
  .refine((o) => o.members !== undefined || o.off !== undefined, { message: 'an override needs members (who is on duty) or off (who is on leave)' })
  .refine((o) => !o.to || o.to >= o.date, { message: 'to is before date', path: ['to'] });

export const rostersSchema = z.strictObject({
  holidays: z.array(day).default([]),
  workdays: z.array(day).default([]),
  units: z
    .array(
      z.strictObject({
        unit: z.string().trim().min(1),
        shifts: z.array(shift).default([]),
        overrides: z.array(override).default([]),
      }),
    )
    .default([]),
});
export type RostersConfig = z.output<typeof rostersSchema>;

/**
 * The domain's view of the profile's patterns.
 * @example rostersOf(profile.rosters, 'Asia/Shanghai').patterns.get('G1')
 */
export function rostersOf(cfg: RostersConfig | null, timezone: string): Rosters {
  const patterns = new Map<string, ShiftPattern[]>();
  for (const u of cfg?.units ?? []) {
    if (u.shifts.length === 0) continue;
    patterns.set(
      u.unit,
      u.shifts.map((s) => ({ name: s.name, from: minutesOf(s.from), to: minutesOf(s.to), days: s.days as DaySelector, members: s.members })),
    );
  }
  return { calendar: { holidays: new Set(cfg?.holidays ?? []), workdays: new Set(cfg?.workdays ?? []) }, patterns, timezone };
}

/**
 * The profile's dated overrides as changes: `off` is leave for the whole days (or the shift's
 * hours), `members` a dated duty table replacing the pattern for the shift (or the whole day).
 */
export function profileDutyChanges(cfg: RostersConfig | null, timezone: string): DutyChange[] {
  const out: DutyChange[] = [];
  for (const u of cfg?.units ?? []) {
    for (const o of u.overrides) {
      const pattern = o.shift ? u.shifts.find((s) => s.name === o.shift) : undefined;
      for (let d = o.date; d <= (o.to ?? o.date); d = addDays(d, 1)) {
        const w = pattern
          ? shiftWindow({ from: minutesOf(pattern.from), to: minutesOf(pattern.to) }, d, timezone)
          : { start: localInstant(d, 0, timezone), end: localInstant(addDays(d, 1), 0, timezone) };
        const label = pattern?.name ?? '全天';
        for (const m of o.off ?? []) out.push({ kind: 'leave', member: m, unit: u.unit, from: w.start, to: w.end, label });
        if (o.members) {
          // An empty table still marks the window as covered by nobody (the pattern does not apply).
          if (o.members.length === 0) out.push({ kind: 'slot', member: '', unit: u.unit, from: w.start, to: w.end, label });
          for (const m of o.members) out.push({ kind: 'slot', member: m, unit: u.unit, from: w.start, to: w.end, label });
        }
      }
    }
  }
  return out;
}

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? (x as Loose) : {})) : []);

/** Unknown units, members, shifts and duplicate units in `rosters`, one line each. */
export function rosterReferenceProblems(raw: unknown, unitCodes: Set<string>, memberNames: Set<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  list((raw as Loose | undefined)?.units).forEach((u, i) => {
    const at = `rosters.units[${i}]`;
    const code = typeof u.unit === 'string' ? u.unit.trim() : '';
    if (code && !unitCodes.has(code)) problems.push(`${at}.unit: unknown unit "${code}"`);
    if (code && seen.has(code)) problems.push(`${at}.unit: unit "${code}" has two rosters; put its shifts in one`);
    seen.add(code);
    const shiftNames = new Set(list(u.shifts).map((s) => (typeof s.name === 'string' ? s.name.trim() : '')));
    const who = (v: unknown, path: string) => {
      if (Array.isArray(v)) v.forEach((n, j) => typeof n === 'string' && n.trim() !== '' && !memberNames.has(n.trim()) && problems.push(`${path}[${j}]: unknown member "${n}"`));
    };
    list(u.shifts).forEach((s, j) => who(s.members, `${at}.shifts[${j}].members`));
    list(u.overrides).forEach((o, j) => {
      who(o.members, `${at}.overrides[${j}].members`);
      who(o.off, `${at}.overrides[${j}].off`);
      if (typeof o.shift === 'string' && !shiftNames.has(o.shift.trim())) problems.push(`${at}.overrides[${j}].shift: no shift named "${o.shift}" in this roster`);
    });
  });
  return problems;
}
