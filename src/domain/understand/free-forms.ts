/**
 * Free-form requests read by their structure rather than as whole phrases (issue 13 "Free-form
 * questions"): 我的 = the sender (我, not 我们) + their cases or a count (我还有几件没办完);
 * 统计 = a count or overview noun + a time or scope word (辖区目前情况如何, 今天处置了几单);
 * 帮助 = a how-to question about using the bot (反馈怎么发, 指令有哪些, 不会用). Each needs the
 * shape of a request (a question, an imperative, a short line, or an @mention), and a question
 * put to colleagues (谁知道…, 你们那边…) is not put to the bot.
 */
import { FREE_FORM } from '../case-words.js';
import type { Reading } from './read.js';

/**
 * What a free-form request asks for.
 * @example const f: FreeForm = 'mine'
 */
export type FreeForm = 'mine' | 'stats' | 'help';

const any = (words: readonly string[]) => new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'u');

const COLLEAGUES = any(FREE_FORM.colleagues);
const ME = /我(?!们)/u;
const MINE_NOUN = any(FREE_FORM.mineNouns);
const STATS_NOUN = any(FREE_FORM.statsNouns);
const STATS_SCOPE = any(FREE_FORM.statsScopes);
const ASKS = any(FREE_FORM.asks);
const IMPERATIVE = any(FREE_FORM.imperatives);
/** 怎么发, 如何反馈, 咋用: a how-word, at most three characters, then a verb of using the bot (not 怎么回事). */
const HOW_TO = new RegExp(`(?:${FREE_FORM.howTo.join('|')})[^\\s]{0,3}?(?:${FREE_FORM.useVerbs.join('|')})(?!事|来了|不通|得通)`, 'u');
/** 绑定码在哪里看: where to find something. */
const WHERE_TO = new RegExp(`(?:${FREE_FORM.whereTo.join('|')})(?:${FREE_FORM.findVerbs.join('|')})`, 'u');
const HELP_NOUN = any(FREE_FORM.helpNouns);
/** 统计表明天交 names a form, not a request for figures. */
const STATS_ALONE = new RegExp(`(?:${FREE_FORM.statsAlone.join('|')})(?!表)`, 'u');
/** The sender's own cases without 我: 待办事项, 待处理. */
const MINE_ALONE = /^(?:看看|看下|查下|查一下|给我看看|给我)?(?:待办|待处理)/u;
const HELP_LOST = any(FREE_FORM.helpLost);
/** A count asked at the end: 今天劝阻了几个, 处置了多少. */
const COUNT_ASKED = /(?:几|多少)(?:件|单|个|起|次|户|位|宗|人)?[了呀啊呢吧]*$/u;
/** Longer than this, an unaddressed line is a remark, not a request. */
const LONGEST = 20;
/** This short, a line is a request even without a question mark (今日情况, 我的任务). */
const SHORT = 8;

/**
 * The free-form request a message makes, or null. The caller has checked that no case id was
 * typed; a message naming an outcome counts only when it asks a count (今天劝阻了几个).
 * @example readFreeForm(read('辖区目前情况如何', cases), false) // 'stats'
 * @example readFreeForm(read('谁知道误报怎么填', cases), false) // null: asked of colleagues
 */
export function readFreeForm(r: Reading, addressed: boolean): FreeForm | null {
  const body = r.body.replace(/[\s\p{P}\p{S}]/gu, '');
  const length = [...body].length;
  if (length === 0 || (!addressed && (length > LONGEST || COLLEAGUES.test(body)))) return null;
  const outcome = r.toks.some((t) => t.t === 'result' || t.t === 'method');
  const counted = COUNT_ASKED.test(body);
  const asked = r.question || r.softQuestion || ASKS.test(body) || counted;
  const request = asked || IMPERATIVE.test(body) || length <= SHORT || addressed;
  if (outcome && !counted && !r.question) return null;
  if (HOW_TO.test(body) || WHERE_TO.test(body) || HELP_LOST.test(body) || (HELP_NOUN.test(body) && request)) return 'help';
  if (!request) return null;
  // 看下我的: the sender's own, with nothing after it.
  if (ME.test(body)) return MINE_NOUN.test(body) || /我的$/u.test(body) ? 'mine' : null;
  if (MINE_ALONE.test(body)) return 'mine';
  if ((STATS_NOUN.test(body) && STATS_SCOPE.test(body)) || (STATS_ALONE.test(body) && length <= SHORT)) return 'stats';
  return null;
}
