/**
 * Outreach logs from chat: `宣传 …` is stored and confirmed with what was understood,
 * `撤回` withdraws the sender's last log within 10 minutes, and a photo sent right after a log
 * counts on that log. Runs inside the conversation's transaction.
 */
import { localDay } from '../domain/format.js';
import { describeOutreach, parseOutreach, type OutreachLog } from '../domain/outreach.js';
import { outreachReplies } from '../domain/outreach-replies.js';
import type { Tx } from '../store/cases.js';
import type { StoredMember } from '../store/org.js';
import { addPhoto, insertOutreach, latestOutreach, memberOutreachSince, withdrawOutreach, type OutreachRow } from '../store/outreach.js';

export interface OutreachTurn {
  tx: Tx;
  timezone: string;
  at: number;
  member: StoredMember;
  room: string | null;
  messageId: string;
}

export const WITHDRAW_WINDOW_MS = 10 * 60_000;
/** A photo this soon after a log counts on it. */
export const PHOTO_WINDOW_MS = 5 * 60_000;
const WITHDRAW_WORDS = new Set(['撤回', '撤回宣传', '撤回上一条', '撤销宣传', '撤销上一条']);

const logOf = (r: OutreachRow): OutreachLog => ({ place: r.place, form: r.form as OutreachLog['form'], people: r.people, installs: r.installs, leaflets: r.leaflets, targets: (r.targets ?? []) as OutreachLog['targets'], note: r.note });

/** True when the text asks to withdraw the last log. */
export function isWithdraw(body: string): boolean {
  return WITHDRAW_WORDS.has(body.replace(/[\s。.!！]/gu, ''));
}

/** Stores a `宣传 …` message; null when the text is not an outreach log at all. */
export function logOutreach(t: OutreachTurn, text: string): string | null {
  const parsed = parseOutreach(text);
  if (!parsed.ok) {
    if (parsed.reason === 'not_outreach') return null;
    return outreachReplies.malformed(parsed.hint, parsed.example);
  }
  insertOutreach(t.tx, { memberId: t.member.id, unitCode: t.member.unit, day: localDay(t.at, t.timezone), log: parsed.log, rawText: text, messageId: t.messageId, at: t.at, room: t.room });
  return outreachReplies.logged(describeOutreach(parsed.log));
}

/** Latest logs a volunteer's 我的 lists. */
const MINE_LIST = 3;

/** 我的 from a volunteer: their standing logs of this month (in the profile's time zone). */
export function myOutreach(t: { tx: Tx; member: StoredMember; at: number; timezone: string }): string {
  const today = localDay(t.at, t.timezone);
  const rows = memberOutreachSince(t.tx, t.member.id, `${today.slice(0, 7)}-01`);
  const sum = (k: 'people' | 'installs' | 'leaflets') => rows.reduce((n, r) => n + r[k], 0);
  const latest = rows.slice(0, MINE_LIST).map((r) => `${Number(r.day.slice(5, 7))}月${Number(r.day.slice(8, 10))}日 ${describeOutreach(logOf(r))}`);
  return outreachReplies.mine(Number(today.slice(5, 7)), { logs: rows.length, people: sum('people'), installs: sum('installs'), leaflets: sum('leaflets') }, latest, Math.max(0, rows.length - MINE_LIST));
}

export function withdrawLast(t: OutreachTurn): string {
  const last = latestOutreach(t.tx, t.member.id, t.at - WITHDRAW_WINDOW_MS);
  if (!last) return outreachReplies.nothingToWithdraw();
  withdrawOutreach(t.tx, last.id, t.at);
  return outreachReplies.withdrawn(describeOutreach(logOf(last)));
}

/** Counts a photo on the sender's log of the last few minutes in the same room; null if there is none. */
export function attachPhoto(t: OutreachTurn): string | null {
  const last = latestOutreach(t.tx, t.member.id, t.at - PHOTO_WINDOW_MS);
  if (!last || last.room !== t.room) return null;
  return outreachReplies.photo(addPhoto(t.tx, last.id));
}

