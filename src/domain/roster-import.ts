/**
 * A duty table (值班表) from a spreadsheet: one row per person per shift, with the Chinese
 * headers offices use (日期, 时段, 单位, 姓名; optional 类型 值班/请假 and 备注). Pure: rows in,
 * dated changes and per-row problems out (row numbers as the spreadsheet shows them).
 */
import { addDays, localInstant } from './format.js';
import type { OrgIndex } from './org.js';
import { shiftWindow, type Rosters } from './roster.js';

export interface RosterRow {
  row: number;
  day: string;
  unit: string;
  member: string;
  kind: 'slot' | 'leave';
  from: number;
  to: number;
  label: string;
  note: string | null;
}

export interface RosterRowError {
  row: number;
  field: string;
  message: string;
}

const HEADERS: Record<string, 'day' | 'shift' | 'unit' | 'member' | 'type' | 'note'> = {
  日期: 'day', date: 'day', 值班日期: 'day',
  时段: 'shift', 班次: 'shift', shift: 'shift', 时间: 'shift',
  单位: 'unit', unit: 'unit', 网格: 'unit', 社区: 'unit', 部门: 'unit',
  姓名: 'member', name: 'member', 值班人: 'member', 人员: 'member', member: 'member',
  类型: 'type', type: 'type',
  备注: 'note', note: 'note',
};
const REQUIRED = ['day', 'shift', 'unit', 'member'] as const;
const REQUIRED_ZH = { day: '日期', shift: '时段', unit: '单位', member: '姓名' } as const;

/** Shift names every office uses, when the unit's roster does not define them. */
const STANDARD: Record<string, { from: number; to: number }> = { 白班: { from: 480, to: 1200 }, 夜班: { from: 1200, to: 480 }, 全天: { from: 0, to: 0 }, '24小时': { from: 0, to: 0 } };
const ROLES_ON_DUTY = new Set(['worker', 'lead', 'supervisor', 'operator']);

/**
 * A date cell: 2026-11-30, 2026/11/30, 2026年11月30日, 11月30日 (this year), an Excel serial
 * number, or a date exceljs printed.
 * @example readDay('2026/11/30', 2026) // '2026-11-30'
 */
export function readDay(cell: string | number | null, year: number): string | null {
  if (cell === null) return null;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 30000 || cell > 80000) return null;
    return new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 86_400_000).toISOString().slice(0, 10);
  }
  const t = cell.trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(t);
  let y = year;
  let mo: number;
  let d: number;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else if ((m = /^(\d{1,2})\s*[月/]\s*(\d{1,2})\s*日?$/u.exec(t))) {
    mo = Number(m[1]);
    d = Number(m[2]);
  } else if (/GMT|\d{4}-\d{2}-\d{2}T/u.test(t) && !Number.isNaN(Date.parse(t))) {
    return new Date(Date.parse(t)).toISOString().slice(0, 10);
  } else return null;
  const day = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return mo >= 1 && mo <= 12 && addDays(day, 0) === day ? day : null;
}

function readShift(text: string, unit: string, rosters: Rosters): { from: number; to: number; label: string } | null {
  const t = text.replace(/\s+/gu, '');
  const own = rosters.patterns.get(unit)?.find((p) => p.name === t);
  if (own) return { from: own.from, to: own.to, label: own.name };
  if (Object.hasOwn(STANDARD, t)) return { ...STANDARD[t]!, label: t };
  const m = /^([01]?\d|2[0-4])[:：]([0-5]\d)[-~～—至到]([01]?\d|2[0-4])[:：]([0-5]\d)$/u.exec(t);
  if (!m) return null;
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = (Number(m[3]) * 60 + Number(m[4])) % 1440;
  if (from >= 1440) return null;
  return { from, to, label: `${m[1]!.padStart(2, '0')}:${m[2]}-${m[3]!.padStart(2, '0')}:${m[4]}` };
}

/**
 * Reads a duty table. `fileProblem` is set when the header row lacks a required column.
 * @example readRosterRows([['日期', '时段', '单位', '姓名'], ['2026-11-30', '夜班', 'PS1', '钱警官']], org, rosters, 2026)
 */
export function readRosterRows(rows: readonly (readonly (string | number | null)[])[], org: OrgIndex, rosters: Rosters, year: number): { rows: RosterRow[]; errors: RosterRowError[]; fileProblem: string | null; dataRows: number } {
  const header = (rows[0] ?? []).map((c) => String(c ?? '').trim().toLowerCase());
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    const f = Object.hasOwn(HEADERS, h) ? HEADERS[h] : undefined;
    if (f && !col.has(f)) col.set(f, i);
  });
  const missing = REQUIRED.filter((f) => !col.has(f));
  if (missing.length) return { rows: [], errors: [], dataRows: 0, fileProblem: `缺少列：${missing.map((f) => REQUIRED_ZH[f]).join('、')}（表头应为 日期、时段、单位、姓名）` };
  const byName = new Map(org.org.units.map((u) => [u.name, u.code]));
  const out: RosterRow[] = [];
  const errors: RosterRowError[] = [];
  let dataRows = 0;
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c === null || String(c).trim() === '')) return;
    dataRows += 1;
    const cell = (f: string) => {
      const v = cells[col.get(f) ?? -1];
      return v === undefined ? null : v;
    };
    const str = (f: string) => String(cell(f) ?? '').trim();
    const bad = (field: string, message: string) => errors.push({ row, field, message });
    const day = readDay(cell('day'), year);
    if (!day) bad('日期', `“${str('day')}”不是日期，应写成 2026-11-30`);
    const unitText = str('unit');
    const unit = org.unit(unitText) ? unitText : byName.get(unitText);
    if (!unit) bad('单位', `没有单位“${unitText}”（写单位代码或全称）`);
    const memberName = str('member');
    const member = org.member(memberName);
    if (!member) bad('姓名', `名单里没有“${memberName}”`);
    else if (!ROLES_ON_DUTY.has(member.role)) bad('姓名', `${memberName}是志愿者或管理员，不能排值班`);
    // A neighbour grid's worker may cover a grid (same community); anyone above may too.
    else if (unit && !org.subtree(org.unit(unit)?.parent ?? unit).has(member.unit) && !org.lineage(unit).some((u) => u.code === member.unit)) bad('姓名', `${memberName}不属于${org.unit(org.unit(unit)?.parent ?? unit)?.name ?? unit}`);
    const typeText = str('type');
    const kind = typeText === '' || /值班|上班|在岗/u.test(typeText) ? 'slot' : /请假|调休|休假|公休/u.test(typeText) ? 'leave' : null;
    if (!kind) bad('类型', `“${typeText}”应为 值班 或 请假`);
    const shift = unit ? readShift(str('shift'), unit, rosters) : null;
    if (unit && !shift) bad('时段', `“${str('shift')}”不是时段（白班、夜班、全天，或 08:00-20:00）`);
    if (!day || !unit || !member || !kind || !shift || errors.some((e) => e.row === row)) return;
    const w = shift.from === shift.to ? { start: localInstant(day, shift.from, rosters.timezone), end: localInstant(addDays(day, 1), shift.from, rosters.timezone) } : shiftWindow(shift, day, rosters.timezone);
    const key = `${day}|${unit}|${shift.label}|${member.name}|${kind}`;
    if (seen.has(key)) {
      bad('姓名', `与第${seen.get(key)}行重复`);
      return;
    }
    seen.set(key, row);
    out.push({ row, day, unit, member: member.name, kind, from: w.start, to: w.end, label: shift.label, note: str('note') || null });
  });
  return { rows: out, errors, fileProblem: null, dataRows };
}
