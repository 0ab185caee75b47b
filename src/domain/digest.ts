/**
 * Digests (issue 17): when an account's send budget is tight, routine notices waiting for one
 * chat (low and medium dispatches and reminders, routine notices, confirmations older than a
 * minute) leave as one message instead of many. Nothing is dropped: every notice folded in is
 * one line of the digest (in a room) or its whole text (privately, where the full record is
 * what the worker needs), and each is recorded delivered with it.
 */
import type { Recipient } from './messages.js';
import { PRIORITY } from './types.js';

/** A reply (a confirmation to a person) waits this long before it may be folded into a digest. */
export const REPLY_DIGEST_AFTER_MS = 60_000;
/** At most this many notices in one room digest (a phone screen or two). */
export const ROOM_DIGEST_ITEMS = 20;
/** A private digest carries whole records up to about this many characters. */
export const PRIVATE_DIGEST_CHARS = 1800;

/**
 * True when a waiting message may be folded into a digest: routine priorities always, a reply
 * once it has waited a minute; urgent and high never.
 * @example digestible(PRIORITY.low, 0) // true
 */
export function digestible(priority: number, waitedMs: number): boolean {
  if (priority <= PRIORITY.high) return false;
  if (priority === PRIORITY.reply) return waitedMs >= REPLY_DIGEST_AFTER_MS;
  return true;
}

export interface DigestItem {
  text: string;
  mentions?: Recipient[];
}

/** One room line: the headline and the masked facts of a notice, without the instructions. */
function roomLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const head = lines[0] ?? '';
  const facts = lines.slice(1).filter((l) => /^(对象|地址|涉案金额)：/.test(l)).map((l) => l.replace(/^[^：]+：/, ''));
  return [head, ...facts].join('｜');
}

/**
 * How many of `items` (in the order given) fit one digest of this chat.
 * @example digestSize([{ text: 'a' }, { text: 'b' }], 'room') // 2
 */
export function digestSize(items: readonly DigestItem[], chat: 'room' | 'private'): number {
  if (chat === 'room') return Math.min(items.length, ROOM_DIGEST_ITEMS);
  let chars = 0;
  let n = 0;
  for (const it of items) {
    chars += it.text.length + 12;
    if (n > 0 && chars > PRIVATE_DIGEST_CHARS) break;
    n++;
  }
  return n;
}

/**
 * The digest of `items` (all of one chat): a header with the count, then one numbered line per
 * notice in a room, or each whole record privately. Mentions are the union of the items'.
 * @example digestOf([{ text: '【低危预警】K7Q2\n对象：张*，139****0001' }, { text: '【低危预警】M3X9' }], 'room').text.split('\n')[1] // '1. 【低危预警】K7Q2｜张*，139****0001'
 */
export function digestOf(items: readonly DigestItem[], chat: 'room' | 'private'): { text: string; mentions: Recipient[] } {
  const mentions: Recipient[] = [];
  for (const it of items) for (const m of it.mentions ?? []) if (!mentions.some((x) => x.name === m.name)) mentions.push(m);
  const asks = items.some((it) => /回复“收到 /.test(it.text));
  const header = `【消息汇总】${items.length} 条通知合并发送`;
  if (chat === 'room') {
    const lines = items.map((it, i) => `${i + 1}. ${roomLine(it.text)}`);
    return { text: [header, ...lines, ...(asks ? ['请逐件回复“收到 编号”，完整信息已私聊发送。'] : [])].join('\n'), mentions };
  }
  const blocks = items.map((it, i) => `—— ${i + 1} ——\n${it.text}`);
  return { text: [header, ...blocks].join('\n'), mentions };
}
