/**
 * The understanding step's input and output ("One understanding step"): a plain
 * context object that core builds from SQLite and the chat event, and one decision.
 */
import type { Method, Result } from '../case-machine.js';
import type { OutreachLog } from '../outreach.js';
import type { Level, Role } from '../types.js';

/**
 * One of the sender's own open cases, newest first in the context.
 * @example const c: OpenCase = { id: 'Q7RT', level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }
 */
export interface OpenCase {
  id: string;
  level: Level;
  acknowledged: boolean;
  /** Minutes since the bot pushed it to this sender (core computes it from its clock). */
  pushedMinutesAgo: number;
  /** False when it was pushed in another room than this message's; absent means this room. */
  pushedHere?: boolean;
}

/**
 * What the message quotes (WeChat 引用): a bot message about a case, or a person's message.
 * @example const q: QuoteContext = { from: 'bot', caseId: 'Q7RT', kind: 'escalation' }
 */
export type QuoteContext =
  | { from: 'bot'; caseId: string | null; kind: 'dispatch' | 'reminder' | 'escalation' | 'confirmation' | 'other' }
  | { from: 'person' };

/**
 * Where the message was written.
 * @example const r: RoomKind = 'tasks'
 */
export type RoomKind = 'tasks' | 'supervision' | 'volunteers' | 'private';

/**
 * Everything the step knows besides the text; core builds it, tests write it by hand.
 * @example const ctx: UnderstandContext = { role: 'worker', room: 'tasks', mention: false, openCases: [], visibleCases: ['K7Q2'], quote: null, pushIsLatest: false, pendingConfirmation: false }
 */
export interface UnderstandContext {
  role: Role | 'stranger';
  /** The sender's unit code, when bound. */
  unit?: string;
  room: RoomKind;
  /** The bot was @-mentioned. */
  mention: boolean;
  openCases: OpenCase[];
  /** Other case ids that exist and that the sender may see. */
  visibleCases: string[];
  quote: QuoteContext | null;
  /** The bot's push of the sender's newest open case is the message right before this one. */
  pushIsLatest: boolean;
  /** A one-tap confirmation of this sender is waiting for 1 or 2. */
  pendingConfirmation: boolean;
  /** The bot's display name, to strip @mentions of it. */
  botName?: string;
  /**
   * The roster: names the sender could address (转派 X6CU @周网格). Absent means unknown, and any
   * name is taken; present, a 转派 to a name not on it is refused here.
   */
  members?: { name: string; role: Role }[];
  /** A swap request waits for this sender's 同意 (bare 同意 / 不同意 answer it). */
  pendingSwap?: boolean;
}

/**
 * A command as understood: what core carries out (after a confirmation, when asked for).
 * @example const c: UnderstoodCommand = { kind: 'report', caseId: 'Q7RT', method: 'visit', result: 'dissuaded', lossAmount: null, approximate: false, alsoReported: false }
 */
export type UnderstoodCommand =
  | { kind: 'ack'; caseId: string }
  | { kind: 'report'; caseId: string; method: Method | null; result: Result; lossAmount: number | null; approximate: boolean; alsoReported: boolean }
  | { kind: 'correct'; caseId: string; method: Method | null; result: Result; lossAmount: number | null }
  | { kind: 'query'; caseId: string }
  | { kind: 'mine' }
  | { kind: 'stats' }
  | { kind: 'help' }
  | { kind: 'reassign'; caseId: string; to: string }
  | { kind: 'supervise'; caseId: string }
  | { kind: 'cancel'; caseId: string; reason: string }
  | { kind: 'reopen'; caseId: string; reason: string }
  | { kind: 'bind'; code: string }
  | ({ kind: 'outreach' } & OutreachLog)
  | { kind: 'withdraw' }
  | { kind: 'confirm_yes' }
  | { kind: 'confirm_no' }
  | DutyCommand;

/**
 * Duty commands (issue 16): 值班; 请假 <days> (for oneself, or for a member when a lead writes it);
 * 批准 / 不批准 (a lead on pending leave); 换班 @name <days>; 同意 / 不同意 (the asked member).
 * Days stay as written: core reads them against today (the step never reads the clock).
 * @example const c: DutyCommand = { kind: 'leave', member: null, days: '明天', reason: '' }
 */
export type DutyCommand =
  | { kind: 'duty' }
  | { kind: 'leave'; member: string | null; days: string; reason: string }
  | { kind: 'approve'; member: string | null; yes: boolean }
  | { kind: 'swap'; with: string; days: string }
  | { kind: 'swap_answer'; yes: boolean };

/**
 * Why a message meant for the bot gets an answer instead of an action.
 * @example const r: RefuseReason = 'unknown_case'
 */
export type RefuseReason =
  | 'not_understood'
  | 'missing_case_id'
  | 'unknown_case'
  | 'missing_result'
  | 'missing_target'
  | 'unknown_member'
  | 'missing_reason'
  | 'missing_code'
  | 'bad_amount'
  | 'which_case'
  | 'outreach_incomplete'
  | 'not_bound'
  | 'not_allowed';

/**
 * The one decision about a message: act, confirm first (prompt = the one-line question),
 * refuse (reason, the example to show, a hint), or ignore (chatter).
 * @example const d: Decision = { kind: 'confirm', command: { kind: 'ack', caseId: 'X6CU' }, prompt: '您是要接单 X6CU 吗？回复“1”确认，回复“2”取消' }
 */
export type Decision =
  | { kind: 'act'; command: UnderstoodCommand }
  | { kind: 'confirm'; command: UnderstoodCommand; prompt: string }
  | { kind: 'refuse'; reason: RefuseReason; example: string; hint?: string }
  | { kind: 'ignore' };

/**
 * Commands that change a case or a ledger (as opposed to answering a question).
 * @example STATE_CHANGING.has('report') // true
 */
export const STATE_CHANGING: ReadonlySet<UnderstoodCommand['kind']> = new Set(['ack', 'report', 'correct', 'reassign', 'supervise', 'cancel', 'reopen', 'bind', 'outreach', 'withdraw', 'confirm_yes']);
