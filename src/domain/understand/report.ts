/**
 * What an outcome message asserts: the deciding result, the method, the loss and whether the
 * reading is certain (issue 13 "Safety first": two results, or a vague amount, need a check).
 */
import { readAmountAt } from '../amount.js';
import type { Method, Result } from '../case-machine.js';
import type { Token } from '../grammar-lexer.js';
import type { Reading } from './read.js';

/**
 * An outcome as read from the words, before a case is attached.
 * @example const o: Outcome = { method: 'visit', result: 'dissuaded', lossAmount: null, approximate: false, alsoReported: false, conflicting: false, badAmount: false }
 */
export interface Outcome {
  method: Method | null;
  result: Result;
  lossAmount: number | null;
  approximate: boolean;
  alsoReported: boolean;
  /** Two closing results that cannot both be true (劝阻成功 and 已被骗). */
  conflicting: boolean;
  badAmount: boolean;
}

/** When several results are named, the one that decides the case: a loss first, attempts last. */
const WEIGHT: Record<Result, number> = { defrauded: 0, dissuaded: 1, false_positive: 2, refused: 3, unreachable: 4, reported: 5 };
const CLOSING: ReadonlySet<Result> = new Set(['dissuaded', 'defrauded', 'false_positive']);
/** Unreachable words that only make sense at the door. */
const AT_THE_DOOR = /不在家|家中无人|家里没人|没人在家|没人应|敲门|没人开门|不开门|不让进/;
/** Money said anywhere in an outcome: ¥ first, or a unit after the number. */
const MONEY = /(?:[¥￥]|人民币)\s?\d|\d(?:[\d.,]*)\s?(?:万|w|W|k|K|千|元|块)|[零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+(?:万|千|元|块)/u;

function amountOf(r: Reading): { value: number | null; approximate: boolean } | null {
  const tok = r.toks.find((t): t is Token & { t: 'amount' } => t.t === 'amount');
  if (tok) return { value: tok.value, approximate: tok.approximate === true };
  const m = MONEY.exec(r.clean);
  if (!m) return null;
  // Back up over an estimate word before it: 约3万, 大概两万.
  let start = m.index;
  const lead = /(?:大约|大概|差不多|将近|接近|约|近|合计|共计|一共|总共|共)\s?$/.exec(r.clean.slice(Math.max(0, start - 4), start));
  if (lead) start -= lead[0].length;
  const found = readAmountAt(r.clean, start, false);
  return found ? { value: found.value, approximate: found.approximate === true } : null;
}

/**
 * The outcome a message asserts, or null when it names no result (a loss amount alone counts
 * as 已被骗).
 * @example readOutcome(read('反馈 Q7RT 已被骗 损失约3万 已报警', cases))?.approximate // true
 */
export function readOutcome(r: Reading): Outcome | null {
  const results = r.toks.filter((t): t is Token & { t: 'result' } => t.t === 'result');
  const amount = amountOf(r);
  const main = results.filter((t) => t.result !== 'reported').sort((a, b) => WEIGHT[a.result] - WEIGHT[b.result])[0];
  const reported = results.some((t) => t.result === 'reported');
  const hasLossWord = r.toks.some((t) => t.t === 'loss');
  let result: Result | null = main?.result ?? (reported ? 'reported' : null);
  if (result === null && amount && hasLossWord && !r.negated.includes('defrauded')) result = 'defrauded';
  if (result === null) return null;
  const closing = new Set(results.map((t) => t.result).filter((x) => CLOSING.has(x)));
  const methods = r.toks.filter((t): t is Token & { t: 'method' } => t.t === 'method');
  const before = main ? methods.filter((t) => t.start < main.start).pop() : undefined;
  let method: Method | null = (before ?? methods[0])?.method ?? null;
  if (method === null && result === 'unreachable' && AT_THE_DOOR.test(r.clean)) method = 'visit';
  const loss = result === 'defrauded' && amount ? amount.value : null;
  return {
    method,
    result,
    lossAmount: loss,
    approximate: loss !== null && amount!.approximate,
    alsoReported: reported && result !== 'reported',
    conflicting: closing.size > 1,
    badAmount: result === 'defrauded' && amount !== null && amount.value === null,
  };
}
