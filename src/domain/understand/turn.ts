/**
 * What the case grammar's deciders share about one message: the reading, the context, whether it
 * was addressed, its keywords; and the small constructors of a decision.
 */
import type { WordKind } from '../case-words.js';
import type { Token } from '../grammar-lexer.js';
import { understandReplies as say } from '../understand-replies.js';
import { atHead } from './evidence.js';
import type { Reading } from './read.js';
import type { Decision, RefuseReason, UnderstandContext, UnderstoodCommand } from './types.js';

/** An action. */
export const act = (command: UnderstoodCommand): Decision => ({ kind: 'act', command });
/** A command to confirm first, with its one-line question. */
export const confirm = (command: UnderstoodCommand, prompt: string): Decision => ({ kind: 'confirm', command, prompt });
/** A refusal with its example (and a hint). */
export const refuse = (reason: RefuseReason, example: string, hint?: string): Decision => (hint ? { kind: 'refuse', reason, example, hint } : { kind: 'refuse', reason, example });

/** One message as the deciders see it. */
export interface Turn {
  r: Reading;
  ctx: UnderstandContext;
  addressed: boolean;
  kws: (Token & { t: 'kw' })[];
  /** An example id for refusals: the sender's newest open case, else K7Q2. */
  exampleId: string;
}

/** The first keyword of a kind. */
export const kwOf = (t: Turn, kind: WordKind) => t.kws.find((k) => k.kind === kind);
/** Nothing but the keyword and politeness (督办一下, 查个, 查 1234, 转派 @周网格): a command missing its case. */
export const bare = (t: Turn, kw: Token) => atHead(t.r.toks, kw) && t.r.toks.every((x) => x === kw || x.t === 'particle' || x.t === 'filler' || x.t === 'weak' || (x.t === 'word' && /^(?:[\d.,]+|个|下|快点?|快快|赶紧|抓紧|尽快|速度)$/u.test(x.text)));
/** 没有找到案件 …, listing the sender's cases. */
export const unknownCase = (t: Turn, typed: string) => refuse('unknown_case', `查 ${t.exampleId}`, say.unknownCase(typed, t.ctx.openCases));

