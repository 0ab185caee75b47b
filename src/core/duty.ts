/**
 * Duty use cases (issue 16): the duty source routing and escalation read (profile rosters plus
 * the approved dated changes in SQLite, cached briefly), and the chat's 值班, 请假 / 批准,
 * 换班 / 同意. Every change is a row of `duty_changes` saying who asked and who decided, and a
 * line of the audit log.
 */
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Duty } from '../domain/duty-routing.js';
import { dutyCandidates } from '../domain/duty-routing.js';
import { dutyReplies as say } from '../domain/duty-replies.js';
import { addDays, formatClock, formatDayZh, localDay, localInstant } from '../domain/format.js';
import type { ChatOut, Recipient } from '../domain/messages.js';
import type { OrgIndex } from '../domain/org.js';
import { memberSlotsOn, nextSlot, onDuty, onLeave, parseDayRange, slotsAt, swapChanges, type DutyChange, type Rosters, type Slot } from '../domain/roster.js';
import type { Member } from '../domain/types.js';
import type { DutyCommand } from '../domain/understand/types.js';
import { profileDutyChanges, rostersOf, type RostersConfig } from '../profile-rosters.js';
import { OPEN_STATUSES, type Tx } from '../store/cases.js';
import type { Db } from '../store/db.js';
import { approvedBetween, decideGroup, insertDutyRows, pendingRequests, tableUnits, type NewDutyRow } from '../store/duty.js';
import { memberByName, type StoredMember } from '../store/org.js';
import { auditLog, cases, dutyChanges, members } from '../store/schema.js';
import type { RosterRow } from '../domain/roster-import.js';

const DAY_MS = 86_400_000;
/** The dated changes are read again at most this often (a roster import by the CLI shows within it). */
const CACHE_MS = 5_000;

export interface DutySource {
  /** Rosters and the changes around `at`. */
  at(at: number): Duty;
  /** True when any unit has a roster or any dated change exists (routing by duty applies). */
  any(at: number): boolean;
  /** Our own write changed duty: read again. */
  invalidate(): void;
}

/**
 * The duty source over the profile's rosters and SQLite.
 * @example createDutySource(db, profile.rosters, 'Asia/Shanghai', Date.now).at(now).changes
 */
export function createDutySource(db: Db, cfg: RostersConfig | null, timezone: string, clock: () => number): DutySource {
  const base = rostersOf(cfg, timezone);
  const fromProfile = profileDutyChanges(cfg, timezone);
  let cache: { readAt: number; from: number; to: number; changes: DutyChange[]; rosters: Rosters } | null = null;
  const load = (at: number) => {
    const readAt = clock();
    if (cache && readAt - cache.readAt < CACHE_MS && readAt >= cache.readAt && at >= cache.from + DAY_MS && at <= cache.to - 9 * DAY_MS + DAY_MS) return cache;
    const from = at - 2 * DAY_MS;
    const to = at + 10 * DAY_MS;
    const tables = tableUnits(db);
    for (const c of fromProfile) if (c.kind === 'slot' && c.unit) tables.add(c.unit);
    cache = { readAt, from, to, changes: [...fromProfile.filter((c) => c.to > from && c.from < to), ...approvedBetween(db, from, to)], rosters: { ...base, tableUnits: tables } };
    return cache;
  };
  return {
    at(at) {
      const c = load(at);
      return { rosters: c.rosters, changes: c.changes, at };
    },
    any(at) {
      const c = load(at);
      return c.rosters.patterns.size > 0 || (c.rosters.tableUnits?.size ?? 0) > 0 || c.changes.length > 0;
    },
    invalidate() {
      cache = null;
    },
  };
}

/** What a duty turn needs: the transaction, the org, the source, the clock and the sender. */
export interface DutyTurn {
  tx: Tx;
  org: OrgIndex;
  duty: DutySource;
  timezone: string;
  at: number;
  member: StoredMember;
  /** The room the message came from, or null for private. */
  room: string | null;
  reply: (text: string) => ChatOut;
}

const LEADS = new Set(['lead', 'supervisor', 'admin', 'operator']);

function recipient(tx: Tx, name: string): Recipient {
  return { name, wechatId: memberByName(tx, name)?.wechatId ?? null };
}

function audit(tx: Tx, at: number, actor: string, type: string, data: Record<string, unknown>): void {
  tx.insert(auditLog).values({ at, actor, type, data }).run();
}

/** The leads (or supervisors) who approve a member's leave: the nearest up the tree. */
function approverOf(org: OrgIndex, m: Member): Member | null {
  const above = org.lineage(m.unit);
  for (const u of above) {
    const found = org.org.members.find((x) => x.unit === u.code && (x.role === 'lead' || x.role === 'supervisor') && x.name !== m.name);
    if (found) return found;
  }
  return null;
}

/** True when `lead` may decide duty for `member`: they sit at the member's unit or above it. */
function governs(org: OrgIndex, lead: Member, member: Member): boolean {
  return LEADS.has(lead.role) && org.lineage(member.unit).some((u) => u.code === lead.unit);
}

const dayRangeZh = (first: string, last: string, tz: string) => {
  const a = formatDayZh(localInstant(first, 12 * 60, tz), tz);
  return first === last ? a : `${a}–${formatDayZh(localInstant(last, 12 * 60, tz), tz)}`;
};

/**
 * Carries out one duty command for the sender.
 * @example runDutyCommand(turn, { kind: 'duty' }) // ['幸福里第一网格 值班\n现在：李网格、周网格（白班 至20:00）…']
 */
export function runDutyCommand(t: DutyTurn, cmd: DutyCommand): ChatOut[] {
  switch (cmd.kind) {
    case 'duty':
      return [t.reply(dutyText(t))];
    case 'leave':
      return leave(t, cmd);
    case 'approve':
      return approve(t, cmd);
    case 'swap':
      return swap(t, cmd);
    case 'swap_answer':
      return swapAnswer(t, cmd.yes);
  }
}

/** 值班: who is on duty now and next, for the sender's unit and the units right below it. */
export function dutyText(t: Pick<DutyTurn, 'org' | 'duty' | 'timezone' | 'at' | 'member'>): string {
  const duty = t.duty.at(t.at);
  const unit = t.org.unit(t.member.unit);
  if (!unit) return say.noUnit;
  const children = t.org.org.units.filter((u) => u.parent === unit.code).slice(0, 6);
  const lines = [`${unit.name} 值班`];
  lines.push(...unitLines(t, duty, unit.code, children.length > 0 ? '' : null));
  for (const c of children) lines.push(...unitLines(t, duty, c.code, c.name));
  // A station or centre without any roster below it: say so rather than show a bare title.
  if (lines.length === 1) lines.push(say.noRoster);
  return lines.join('\n');
}

function unitLines(t: Pick<DutyTurn, 'org' | 'timezone' | 'at'>, duty: Duty, code: string, name: string | null): string[] {
  const clock = (ms: number) => formatClock(ms, t.at, t.timezone);
  const names = onDuty(duty.rosters, duty.changes, code, t.at);
  const prefix = name ? `· ${name}：` : '';
  const onLeaveNow = t.org.org.members.filter((m) => m.unit === code && onLeave(duty.changes, m.name, t.at)).map((m) => m.name);
  const leaveNote = onLeaveNow.length ? `（${onLeaveNow.join('、')}请假）` : '';
  if (names === null) {
    if (name === '') return [];
    const grid = t.org.unit(code)?.kind === 'grid';
    if (!grid) return name ? [] : [say.noRoster];
    const handlers = dutyCandidates(t.org, code, duty).members.map((m) => m.name).join('、') || '无人';
    return [name ? `${prefix}${handlers}（未排班）${leaveNote}` : `未排班，新预警派给：${handlers}${leaveNote}`];
  }
  const slots = slotsAt(duty.rosters, duty.changes, code, t.at);
  const until = slots.length ? Math.min(...slots.map((s) => s.end)) : null;
  const next = nextSlot(duty.rosters, duty.changes, code, t.at);
  const now = names.length ? `${names.join('、')}${until ? `（${slots[0]!.name} 至${clock(until)}）` : ''}` : '无人值班';
  const nextText = next ? `；下一班 ${clock(next.start)}起 ${next.members.join('、') || '无人'}` : '';
  if (name) return [`${prefix}${now}${nextText}${leaveNote}`];
  const out = [`现在：${now}${leaveNote}`];
  // Between this shift and the next, who gets new leads (the night duty above, say).
  if (until !== null && (!next || next.start > until) && t.org.unit(code)?.kind === 'grid') {
    const gap = dutyCandidates(t.org, code, { ...duty, at: until });
    if (gap.how === 'duty_up' && gap.members.length) out.push(`${clock(until)}后新预警派给：${gap.members.map((m) => m.name).join('、')}`);
  }
  if (next) out.push(`下一班：${clock(next.start)}起 ${next.members.join('、') || '无人'}（${next.name}）`);
  if (names.length === 0 && t.org.unit(code)?.kind === 'grid') {
    const up = dutyCandidates(t.org, code, duty);
    if (up.how === 'duty_up') out.push(`新预警先派给：${up.members.map((m) => m.name).join('、')}`);
  }
  return out;
}

function leave(t: DutyTurn, cmd: Extract<DutyCommand, { kind: 'leave' }>): ChatOut[] {
  const forOther = cmd.member !== null && cmd.member !== t.member.name;
  const target = forOther ? t.org.member(cmd.member!) : t.org.member(t.member.name);
  if (!target) return [t.reply(say.unknownMember(cmd.member ?? '', '请假 @李网格 明天'))];
  if (forOther && !governs(t.org, t.member, target)) return [t.reply(say.leaveForOthersOnlyLeads(target.name))];
  const today = localDay(t.at, t.timezone);
  const range = parseDayRange(cmd.days, today);
  if (!range.ok) return [t.reply(say.badDays(cmd.days))];
  const from = localInstant(range.first, 0, t.timezone);
  const to = localInstant(addDays(range.last, 1), 0, t.timezone);
  const days = dayRangeZh(range.first, range.last, t.timezone);
  // A lead records it directly; a lead's own leave needs nobody's approval above the desk.
  const direct = forOther || LEADS.has(t.member.role);
  const approver = direct ? null : approverOf(t.org, target);
  const groupId = `leave-${target.name}-${t.at}`;
  const row: NewDutyRow = {
    kind: 'leave',
    member: target.name,
    unitCode: target.unit,
    fromAt: from,
    toAt: to,
    label: '请假',
    status: direct || !approver ? 'approved' : 'pending',
    source: 'chat',
    request: 'leave',
    groupId,
    requestedBy: t.member.name,
    requestedAt: t.at,
    awaiting: null,
    decidedBy: direct || !approver ? t.member.name : null,
    decidedAt: direct || !approver ? t.at : null,
    note: cmd.reason || null,
  };
  insertDutyRows(t.tx, [row]);
  audit(t.tx, t.at, t.member.name, row.status === 'approved' ? 'duty.leave.recorded' : 'duty.leave.requested', { member: target.name, from: range.first, to: range.last });
  t.duty.invalidate();
  if (row.status === 'approved') {
    const open = openCaseIds(t.tx, target.name);
    const outs = [t.reply(say.leaveRecorded(target.name, days, open))];
    if (forOther) outs.push({ to: recipient(t.tx, target.name), text: say.leaveRecordedForYou(t.member.name, days) });
    return outs;
  }
  const text = say.leaveRequested(target.name, days, approver!.name, cmd.reason);
  const outs: ChatOut[] = [];
  if (t.room) outs.push({ room: t.room, mentions: [recipient(t.tx, t.member.name), recipient(t.tx, approver!.name)], text });
  else outs.push(t.reply(text));
  // The approver hears it privately too, unless they are in the room where it was asked.
  if (!t.room || !t.org.roomMembers(t.org.room(t.room)!).some((m) => m.name === approver!.name)) outs.push({ to: recipient(t.tx, approver!.name), text: say.leaveToApprove(target.name, days, cmd.reason) });
  return outs;
}

function openCaseIds(tx: Tx, name: string): string[] {
  return tx
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(members, eq(cases.assigneeId, members.id))
    .where(and(eq(members.name, name), inArray(cases.status, [...OPEN_STATUSES])))
    .limit(5)
    .all()
    .map((r) => r.id);
}

function approve(t: DutyTurn, cmd: Extract<DutyCommand, { kind: 'approve' }>): ChatOut[] {
  const mine = pendingRequests(t.tx, { request: 'leave' }).filter((r) => {
    const m = t.org.member(r.member);
    return !!m && governs(t.org, t.member, m) && r.toAt > t.at;
  });
  const scoped = cmd.member ? mine.filter((r) => r.member === cmd.member) : mine;
  if (scoped.length === 0) return [t.reply(cmd.member ? say.noPendingOf(cmd.member) : say.noPending)];
  const members = [...new Set(scoped.map((r) => r.member))];
  if (members.length > 1) return [t.reply(say.whichLeave(scoped.slice(0, 5).map((r) => `${r.member}（${dayRangeZh(localDay(r.fromAt, t.timezone), localDay(r.toAt - 1, t.timezone), t.timezone)}）`), members[0]!, cmd.yes))];
  const row = scoped[0]!;
  decideGroup(t.tx, row.groupId, cmd.yes ? 'approved' : 'rejected', t.member.name, t.at);
  audit(t.tx, t.at, t.member.name, cmd.yes ? 'duty.leave.approved' : 'duty.leave.rejected', { member: row.member, from: row.fromAt, to: row.toAt });
  t.duty.invalidate();
  const days = dayRangeZh(localDay(row.fromAt, t.timezone), localDay(row.toAt - 1, t.timezone), t.timezone);
  const outs: ChatOut[] = [t.reply(cmd.yes ? say.leaveApproved(row.member, days, openCaseIds(t.tx, row.member)) : say.leaveRejected(row.member, days))];
  if (row.member !== t.member.name) outs.push({ to: recipient(t.tx, row.member), text: cmd.yes ? say.yourLeaveApproved(t.member.name, days) : say.yourLeaveRejected(t.member.name, days) });
  return outs;
}

function swap(t: DutyTurn, cmd: Extract<DutyCommand, { kind: 'swap' }>): ChatOut[] {
  const other = t.org.member(cmd.with);
  if (!other || other.name === t.member.name) return [t.reply(say.unknownMember(cmd.with, '换班 @周网格 明天'))];
  const today = localDay(t.at, t.timezone);
  const range = parseDayRange(cmd.days, today);
  if (!range.ok) return [t.reply(say.badDays(cmd.days))];
  const units = t.org.org.units.map((u) => u.code);
  const changes: DutyChange[] = [];
  let shared = 0;
  for (let d = range.first; d <= range.last; d = addDays(d, 1)) {
    const dayDuty = t.duty.at(localInstant(d, 12 * 60, t.timezone));
    const mine = memberSlotsOn(dayDuty.rosters, dayDuty.changes, units, t.member.name, d);
    const theirs = memberSlotsOn(dayDuty.rosters, dayDuty.changes, units, other.name, d);
    // A shift both are on stays as it is: only what differs is exchanged.
    const same = (a: Slot, b: Slot) => a.unit === b.unit && a.start === b.start && a.end === b.end;
    shared += mine.filter((a) => theirs.some((b) => same(a, b))).length;
    changes.push(...swapChanges(mine.filter((a) => !theirs.some((b) => same(a, b))), theirs.filter((b) => !mine.some((a) => same(a, b))), t.member.name, other.name));
  }
  const days = dayRangeZh(range.first, range.last, t.timezone);
  if (changes.length === 0) return [t.reply(shared ? say.sameShift(other.name, days) : say.nothingToSwap(other.name, days))];
  const groupId = `swap-${t.member.name}-${t.at}`;
  insertDutyRows(
    t.tx,
    changes.map((c) => ({ kind: c.kind, member: c.member, unitCode: c.unit, fromAt: c.from, toAt: c.to, label: c.label ?? null, status: 'pending', source: 'chat', request: 'swap', groupId, requestedBy: t.member.name, requestedAt: t.at, awaiting: other.name, decidedBy: null, decidedAt: null, note: null })),
  );
  audit(t.tx, t.at, t.member.name, 'duty.swap.requested', { with: other.name, from: range.first, to: range.last });
  const mineText = describeShifts(changes.filter((c) => c.kind === 'leave' && c.member === t.member.name), t);
  const theirsText = describeShifts(changes.filter((c) => c.kind === 'leave' && c.member === other.name), t);
  const text = say.swapAsked(t.member.name, other.name, days, mineText, theirsText);
  const to = recipient(t.tx, other.name);
  return t.room ? [{ room: t.room, mentions: [to], text }] : [t.reply(say.swapSent(other.name)), { to, text }];
}

function describeShifts(list: DutyChange[], t: Pick<DutyTurn, 'at' | 'timezone'>): string {
  if (list.length === 0) return '无班';
  return list.map((c) => `${formatClock(c.from, t.at, t.timezone)}–${formatClock(c.to, c.from, t.timezone)}${c.label ? ` ${c.label}` : ''}`).join('、');
}

function swapAnswer(t: DutyTurn, yes: boolean): ChatOut[] {
  const waiting = pendingRequests(t.tx, { request: 'swap', awaiting: t.member.name }).filter((r) => r.fromAt > t.at);
  if (waiting.length === 0) return [t.reply(say.noSwapWaiting)];
  const groupId = waiting[0]!.groupId;
  const asker = waiting[0]!.requestedBy;
  decideGroup(t.tx, groupId, yes ? 'approved' : 'rejected', t.member.name, t.at);
  audit(t.tx, t.at, t.member.name, yes ? 'duty.swap.accepted' : 'duty.swap.declined', { with: asker });
  t.duty.invalidate();
  const rows = waiting.filter((r) => r.groupId === groupId);
  const first = Math.min(...rows.map((r) => r.fromAt));
  const days = formatDayZh(first, t.timezone);
  const text = yes ? say.swapDone(asker, t.member.name, days) : say.swapDeclined(asker, t.member.name, days);
  const outs: ChatOut[] = [t.reply(text)];
  if (!t.room) outs.push({ to: recipient(t.tx, asker), text });
  return outs;
}

/** True when a swap request waits for this member's answer (bare 同意 answers it). */
export function swapWaitsFor(tx: Tx, name: string, at: number): boolean {
  return pendingRequests(tx, { request: 'swap', awaiting: name }).some((r) => r.fromAt > at);
}

/**
 * The handover at a shift boundary (交接班): open cases whose assignee is off duty in the
 * incoming shift, with who takes each over (whom routing would pick now). Empty without rosters.
 * @example handoverList(tx, org, duty.at(boundary)) // [{ caseId: 'X992', level: 'urgent', from: '李网格', to: '钱警官', unit: 'G1' }]
 */
export function handoverList(tx: Tx, org: OrgIndex, duty: Duty): { caseId: string; level: string; unit: string; from: string; to: string }[] {
  const rows = tx
    .select({ id: cases.id, level: cases.level, unit: cases.unitCode, assignee: members.name })
    .from(cases)
    .innerJoin(members, eq(cases.assigneeId, members.id))
    .where(inArray(cases.status, [...OPEN_STATUSES]))
    .orderBy(sql`case ${cases.level} when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`, cases.createdAt)
    .all();
  const out: { caseId: string; level: string; unit: string; from: string; to: string }[] = [];
  const byUnit = new Map<string, ReturnType<typeof dutyCandidates>>();
  for (const r of rows) {
    const cand = byUnit.get(r.unit) ?? dutyCandidates(org, r.unit, duty);
    byUnit.set(r.unit, cand);
    if (cand.how === 'no_roster' || cand.members.some((m) => m.name === r.assignee)) continue;
    const to = cand.members[0];
    if (to) out.push({ caseId: r.id, level: r.level, unit: r.unit, from: r.assignee, to: to.name });
  }
  return out;
}

/**
 * Writes an imported duty table in one transaction: for every unit and day it lists duty for,
 * the duty imported earlier for that unit and day is withdrawn (the newest table wins); leave
 * rows are added. Returns how many rows were written and withdrawn.
 * @example importRoster(db, rows, Date.now(), 'cli', 'Asia/Shanghai') // { written: 30, replaced: 0 }
 */
export function importRoster(db: Db, rows: readonly RosterRow[], at: number, actor: string, timezone: string): { written: number; replaced: number } {
  return db.transaction((tx) => {
    const groupId = `import-${at}`;
    let replaced = 0;
    const days = new Set(rows.filter((r) => r.kind === 'slot').map((r) => `${r.unit}|${r.day}`));
    for (const key of days) {
      const [unit, day] = key.split('|') as [string, string];
      const from = localInstant(day, 0, timezone);
      const to = localInstant(addDays(day, 1), 0, timezone);
      replaced += tx
        .update(dutyChanges)
        .set({ status: 'withdrawn', decidedBy: actor, decidedAt: at })
        .where(and(eq(dutyChanges.unitCode, unit), eq(dutyChanges.kind, 'slot'), eq(dutyChanges.status, 'approved'), eq(dutyChanges.source, 'import'), gte(dutyChanges.fromAt, from), lt(dutyChanges.fromAt, to)))
        .run().changes;
    }
    insertDutyRows(
      tx,
      rows.map((r) => ({ kind: r.kind, member: r.member, unitCode: r.unit, fromAt: r.from, toAt: r.to, label: r.label, status: 'approved', source: 'import', request: 'import', groupId, requestedBy: actor, requestedAt: at, awaiting: null, decidedBy: actor, decidedAt: at, note: r.note })),
    );
    tx.insert(auditLog).values({ at, actor, type: 'duty.roster.imported', data: { rows: rows.length, replaced, units: [...new Set(rows.map((r) => r.unit))] } }).run();
    return { written: rows.length, replaced };
  });
}
