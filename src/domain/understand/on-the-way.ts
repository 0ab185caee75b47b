/**
 * "I am on my way" as workers say it of their own case, read by structure ("Silence
 * where a person would understand"): a clause that begins with the sender or with nobody, then
 * adverbs of now, a means of transport and a verb of going, taking or starting (正在赶过去,
 * 我骑电驴过去, 已到楼下, 俺去瞅瞅, 这单我包了). A clause with another subject (老人去银行了), a
 * negation (我去不了) or a plan (blanked before this is read) is not one.
 */
import { ACK_UNDONE, ON_THE_WAY } from '../case-words.js';
import type { Reading } from './read.js';

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const W = ON_THE_WAY;
/** 我先给老人打个电话: whom the call or visit is for, before the verb. */
const FOR_WHOM = '(?:给|跟|和|去)(?:老人|他|她|对方|家属|当事人|老太太|老爷子|阿姨|大爷|大妈|老奶奶|老大爷)';
/** 我五分钟到, 俺十分钟就到: how soon, before the verb. */
const HOW_SOON = '(?:[0-9]+|[一二两三四五六七八九十半]+)(?:分钟|分|个小时|小时)(?:内|后|左右)?(?:就|能)?';
// 好的马上去, 收到这就出发: an acknowledgement may open the clause.
const START = `^(?:那个)?(?:好的|好嘞|好|收到|明白|嗯嗯?|ok)?(?:${alt(W.pointers)})?(?:${alt(W.subjects)})?(?:${alt(W.adverbs)})*(?:${HOW_SOON})?(?:${FOR_WHOM})?`;
// 六户 跑完得五点了: rounds finished (完, 遍), not going to the case.
const GOING = new RegExp(`${START}(?:(?:${alt(W.means)})\\p{Script=Han}{0,2}?)?(?:${alt(W.verbs)})(?!不|没|完|遍)`, 'u');
/** 去 then another errand, in the same clause: 我去开个会, 我去趟厕所. */
// 我现在就过去大概十分钟能到 (voice input, no comma): 过去/上去 then how soon is the way there, no errand;
// 马上去仓库拿马甲 is 马上 then 去, an errand like 我去仓库.
const ERRAND = new RegExp(`(?<![过进下]|(?<!马)上)去(?!$|${alt(W.errandFree)})\\p{Script=Han}|[过上进下]去(?=吃|买|拿|取|办|接|送|玩|开会|上课|洗|睡)`, 'u');
/** 我到家了, 到时候再说, 去年, 马上到会议室, 上门劝阻的时候注意安全: not going to the case. */
const HOME = /[到回]家|到(?:底|时|现在|点)|去年|的时候|出门(?:多|要|记得|别|注意|前|带)|到(?:会议室|会场|办公室|单位|所里|食堂|楼下开会)/u;
/** 马上到幼儿园接娃, 马上到小区门口了 快递员在等我, 煤气好像没关我得赶紧回去: daily life named anywhere makes the going an errand. */
const DAILY = /接(?:娃|孩子|小孩|儿子|女儿|闺女|孙子|孙女|外孙)|幼儿园|放学|快递|外卖|买菜|做饭|吃饭|打印机|火锅|煤气|燃气/u;
const TAKING = new RegExp(`${START}(?:${alt(W.taking)})(?:了|到|下|单|手|过来)?(?:了|吧|啦)?$`, 'u');
/** 马上, 这就: now, said alone (not 在 or 也 left alone by a split: 在N95口罩那个箱子里). */
const NOW_ALONE = new RegExp(`^(?:${alt(W.adverbs)})*(?:这就|马上|立刻|立马|赶紧|很快|来)(?:${alt(W.adverbs)})*$`, 'u');
/** Before the sender named mid-clause (…近我先过去), not inside 我们 or 自我. */
const RESTART = new RegExp(`(?<=\\p{Script=Han})(?<![自让叫喊给找])(?=(?:${alt(W.subjects)})(?!们|家|的))`, 'u');
const UNDONE = new RegExp(`(?:${ACK_UNDONE.join('|')})`, 'u');

/**
 * True when the words right after 去 name another errand (开个会, 趟厕所, 接孩子), not the case.
 * @example errand('开个会') // true
 * @example errand('看看') // false
 */
export function errand(after: string): boolean {
  return ERRAND.test(`去${after}`);
}

/**
 * True when one clause of the message says the sender is going to, or taking, the case.
 * @example onTheWay(read('C9RJ 正在赶过去 大概八分钟', cases)) // true
 * @example onTheWay(read('Q7RT 老人去银行了', cases)) // false
 */
export function onTheWay(r: Reading): boolean {
  if (r.question || r.softQuestion || DAILY.test(r.clean)) return false;
  // 1分钟到, 10分钟左右到: how soon in digits, read as the words are (the digits would split the clause);
  // 30到40岁: a range, not 到; 我接了9单: cases counted, not one taken.
  // 收到了 我带上工作证就去: what is taken along, then going.
  const clauses = r.clean.replace(/带(?:上|着)\p{Script=Han}{1,5}?(?=(?:就|马上|这就)?(?:去|过去))/gu, '').replace(/\d+\s?(?=分钟|分(?!之)|个?小时)/gu, '五').replace(/\d+\s?[到至-]\s?\d+/gu, '五').replace(/\d+\s?(?=单|件|起|户)/gu, '几').split(/[\s\p{P}\p{S}]+|[A-Za-z0-9]+/u).filter((c) => c !== '');
  // 我离得近我先过去 (voice input, no comma): the sender named again starts another clause.
  const said = clauses.flatMap((c) => c.split(RESTART).filter((x) => x !== ''));
  return said.some((c) => !UNDONE.test(c) && !HOME.test(c) && !ERRAND.test(c) && (GOING.test(c) || TAKING.test(c) || (NOW_ALONE.test(c) && clauses.length <= 2)));
}
