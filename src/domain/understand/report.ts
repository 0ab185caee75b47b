/**
 * What an outcome message asserts: the deciding result, the method, the loss and whether the
 * reading is certain ("Safety first": two results, or a vague amount, need a check).
 */
import { NUMERAL_WORD, parseAmount, readAmountAt } from '../amount.js';
import type { Method, Result } from '../case-machine.js';
import type { Token } from '../grammar-lexer.js';
import type { Reading } from './read.js';

/**
 * An outcome as read from the words, before a case is attached.
 * @example const o: Outcome = { method: 'visit', result: 'dissuaded', lossAmount: null, approximate: false, alsoReported: false, conflicting: false, inferred: false, badAmount: false, tooBig: false }
 */
export interface Outcome {
  method: Method | null;
  result: Result;
  lossAmount: number | null;
  approximate: boolean;
  alsoReported: boolean;
  /** Two closing results that cannot both be true (劝阻成功 and 已被骗). */
  conflicting: boolean;
  /** No result word: the result was read from a figure. */
  inferred: boolean;
  badAmount: boolean;
  /** A figure too large to be a loss (500亿): asked about, not refused. */
  tooBig: boolean;
}

/** When several results are named, the one that decides the case: a loss first, attempts last. */
const WEIGHT: Record<Result, number> = { defrauded: 0, dissuaded: 1, false_positive: 2, refused: 3, unreachable: 4, reported: 5 };
/**
 * Two different outcomes in one message cannot both be the result, so they are asked about:
 * 不听劝 最后还是被骗了, 电话没人接 后来上门劝住了 (the last is most likely what decides, but the
 * ledger only records it once the sender says so). Two failed attempts (打不通，上门也不开门) are
 * one failure; 没劝住 被骗十万 names one result (the failed dissuasion is how the loss came about;
 * 拒绝配合 已被骗 names two).
 */
function conflicting(results: (Token & { t: 'result' })[], reported: boolean, clean: string): boolean {
  const lost = results.some((t) => t.result === 'defrauded');
  // 没劝住 被骗十万: the dissuasion that failed is how the loss came about.
  const closing = results.filter((t) => t.result !== 'reported' && !stoppedAfterLoss(results, t, clean) && !(lost && FAILED_DISSUASION.test(t.text)));
  const kinds = new Set(closing.map((t) => t.result));
  // 误报 and 已报警: nobody calls the police over a false alarm.
  if (kinds.has('false_positive') && reported) return true;
  if (kinds.size < 2) return false;
  return ![...kinds].every((k) => k === 'unreachable' || k === 'refused');
}
/** 已报警/劝阻成功: the form's options copied, none chosen. */
const optionsCopied = (results: (Token & { t: 'result' })[], body: string) =>
  results.some((a, i) => results.slice(i + 1).some((b) => b.result !== a.result && /^\s*[/／]\s*$/u.test(body.slice(a.end, b.start))));
/** A dissuasion that failed (没劝住, 劝不住, 没拦住): no result of its own beside the loss. */
const FAILED_DISSUASION = /^(?:没|未|没有|没能|未能)(?:劝|拦)|^劝不|^劝阻(?:未果|失败|无效)/u;
/** Stopping the money, which also follows a loss: 已止付, 卡已冻结. */
const STOPPED_AFTER = /止付|冻结/u;

/** 被骗3万 卡已止付: a payment stopped after the loss is what came next, not a second result. */
function stoppedAfterLoss(results: (Token & { t: 'result' })[], t: Token & { t: 'result' }, clean = ''): boolean {
  const loss = results.find((x) => x.result === 'defrauded');
  // 另外一笔两千让银行拦下来了: the bank stopping another payment, after the loss.
  const bankStopped = t.result === 'dissuaded' && /(?:另外|还有|另一笔|那笔|一笔)[^银]{0,8}银行/u.test(clean.slice(Math.max(0, t.start - 14), t.start));
  return loss !== undefined && t.start > loss.start && (STOPPED_AFTER.test(t.text) || bankStopped);
}

/** Unreachable words that only make sense at the door. */
/** 转的 共7600, 转账3笔 合计10000元: money sent, then its total. */
const SUM_SENT = /(?:转|汇|骗)\p{Script=Han}{0,8}[\s\d、，,：:]{0,24}(?:共计|一共|总共|合计|共)\s?[\d零一二两三四五六七八九十百千万]/u;
/** 本人回了知道了 没转, 一分没转: the money not sent (还没转 is not yet). */
/** 幸好还没点确认, 还没付款: the transfer stopped before it went. */
const NOT_YET_SENT = /(?:幸好|还好|好在|幸亏)\p{Script=Han}{0,2}?没(?:点确认|确认|付款|支付|输密码|转出去|转成|点)/u;
const NOT_SENT = /(?<![还尚暂]|暂时|目前|眼下)(?:没|没有|未|一分没|一分都没|不会再?)(?:转|转账|汇款|汇)(?:了|钱了?)?(?=$|[\s，,。!！])/u;
/** 没劝住, 劝阻失败, 没拦住: a dissuasion that failed, saying nothing of the money. */
const FAILED_ONLY = /^(?:没|未|没有|没能|未能)(?:劝|拦)(?:住|下|动)|^劝阻失败$/u;
/** Words that put the worker at the door. */
const WAS_THERE = /从\p{Script=Han}{0,4}家(?:里)?出来|(?<=^|[\s，,。])到家了?(?=[\s，,。]|$)|到(?:了)?(?:他|她)?(?:店里|店门口|摊位|厂里)|进店|见到本人|见到当事人|当面见到|(?:到|去)(?:了)?(?:他|她|老人|学生)?(?:宿舍|出租屋|家里|家中)|到(?:了)?(?:他|她|老人)?家门口|刚到门口|门都没让进|不让进门|赶出来|当面|入户|上门/u;
const AT_THE_DOOR = /不在家|家中无人|家里没人|没人在家|没人应|敲门|没人开门|不开门|不让进/;
/**
 * Money said anywhere in an outcome: ¥ first, or a unit after the number (not inside an id, not
 * after a minus: -2万 is refused; not 一块 without 钱, which is "together": 我跟民警一块去).
 */
const MONEY = /(?:[¥￥]|人民币)\s?\d|(?<![A-Za-z0-9.\-负])\d(?:[\d.,]*)(?:多|余|来)?(?:万|w|W|k|K|千|元|块)|(?!一块(?!钱))[零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+(?:多|余|来)?(?:万|千|元|块)/u;
const MONEY_ALL = new RegExp(MONEY.source, 'gu');
/** Money after a transfer verb, even without a unit: 转了35000, 转走 5000, 金额是15000 (打了110 is a call). */
const TRANSFERRED = /(?:转了|转的|转走|转账|汇了|汇款|打了|骗了|骗走|被骗|损失|金额|共计|合计|一共|总共|累计|总计|花了|花掉了?|(?<=交了\s?[\p{Script=Han}“”‘’「」"']{0,12})(?:费|保证金|押金|定金|订金)[”’」"']?)\s?(?:是|为|有|达)?\s?(?:大概|大约|约|差不多|将近)?\s?(?:[¥￥]\s?)?(?!(?:110|120|119|96110)(?!\d))(\d[\d.,]*)(?![\d.次个人天年月日号岁笔条位])/u;
/**
 * Two neighbouring digits before a unit are a range: 八九千 = about 8500, 五六万 = about 55000;
 * the figure before them and a magnitude after them count too: 一万二三千 = about 12500,
 * 十二三万 = about 125000, 三四十万 = about 350000 (not 35).
 */
const RANGE = /((?:[零一二两三四五六七八九十百千万]*[十百千万])?)([一二两三四五六七八九])([二两三四五六七八九])(十|百|千|万)(万|亿)?/u;
/** 十几万 = about 150000, 十来万 = about 100000, 两万出头 = about 20000; not 二十几万 or 九十来 (a figure ending in 十). */
// 十几次, 十几笔: a count of something else, not money (the unit or money must follow).
const TEENS = /(?<![零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟])十(几|来)(万|千|百)?(?<=[万千百])|(?<![零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟])十(几|来)(?=\s?(?:块|元|$))/u;
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };
/** 二十几万, 三十多万, 五十来千: tens of a unit, the rest unsaid (not 一百二十几万: a figure before it). */
const TENS_SOME = /(?<![零一二两三四五六七八九十百千万\d])([二两三四五六七八九])十(?:几|多|来)(万|千)/u;
/** A negation, then making contact: 未能联系上, 没打通, 没见到人 (还没联系上 is still under way). */
const CONTACT_FAILED = /(?<![还尚仍没不未有非])(?:没能|未能|没有|没|未)(?:联系上|联系到|接通|打通|见到人|找到人|见着人)|(?:^|[\s\p{P}A-Za-z0-9]|上门|敲门|去了|到了)没(?:有)?人(?![管知理说问去接手在意愿要会懂听回看信])/u;
/** A loss said without a figure: 大几千, 好几万, 几千块, 上万. */
const VAGUE_MONEY = /(?:大|好|小)?几(?:十|百|千|万)|[数上](?:千|万)(?:块|元)?|十几|几十/u;
/** Words that make any figure in the message an estimate. */
const HEDGE = /好像|估计|估摸|预计|大概|可能|差不多|左右|出头|上下|约|不到|不足|将近|接近|快(?=[一二两三四五六七八九十\d])/u;

/** `summed`: the loss was added up, or picked from several sums, rather than said: asked about. */
type Amount = { value: number | null; approximate: boolean; tooBig?: boolean; vague?: boolean; summed?: boolean };

/** A figure corrected in the same message: 不对 是两万, 说错了 是9000, 更正一下 是3万5, 以这个为准. */
const CORRECTED = /(?:说错了|不对|更正一下|更正|搞错了)[，,\s]*(?:是|应该是|改成|应为)?\s*(?=[\d零一二两三四五六七八九十])|(?=[\d零一二两三四五六七八九十][\d.万千百十零一二两三四五六七八九]*\s*(?:元|块)?\s*以这个为准)/u;
/** 一共1.8万, 总共8000, 合计3.2万: the total, said outright, outranks the parts before it. */
const TOTAL = /(?:一共|总共|合计|共计|累计|总计|加起来|(?<![一总合])共)\s?(?:转了|转走了?|被骗了?|骗了|损失了?|刷了|充了|花了|交了|是|有)?\s?(?=[\d¥￥零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟])/u;
/** 先转了5000 后来又转了3000: each transfer, told one after another. */
const EACH_TRANSFER = /(?:转了|转走了?|转过去|汇了|汇过去|打过去|骗走了?|第[一二三四五六七八九\d]笔(?:是)?)\s?(?=[\d零一二两三四五六七八九十百千万])/gu;
const AGAIN = /又|再|第二次|第二笔|后来|然后|接着|另外/u;

/** How many different sums of money lost the text names (1万5千 is one; 三万 嗯 三万块 is one, said twice). */
function distinctSums(text: string): number {
  const values = new Set<number>();
  let end = 0;
  for (const m of text.matchAll(MONEY_ALL)) {
    if (m.index < end) continue;
    const found = readAmountAt(text, m.index, true);
    end = found ? found.end : m.index + m[0].length;
    // 还有5千被银行冻结了, 2k被银行拦了: money saved is not a loss to choose from.
    if (found?.value != null && !SAVED.test(text.slice(end, end + 10))) values.add(found.value);
  }
  return values.size;
}
const SAVED = /冻结|冻住|冻上|拦|止付|保住|没转|退回|追回|没被骗/u;

/**
 * The sum of transfers told one after another with no total (先转了5000 后来又转了3000 = 8000),
 * or null. The sender did not say the sum, so it is asked about.
 */
function summed(text: string): number | null {
  // 微信转了4500 支付宝转了3500: transfers by two channels, told one after another as much as with 又.
  const channels = new Set(text.match(/微信|支付宝|银行卡|手机银行|网银|云闪付|现金/gu) ?? []);
  if (!AGAIN.test(text) && channels.size < 2) return null;
  const parts = [...text.matchAll(EACH_TRANSFER)].map((m) => readAmountAt(text, m.index + m[0].length, true)?.value ?? null);
  if (parts.length < 2 || parts.some((v) => v === null)) return null;
  return (parts as number[]).reduce((a, b) => a + b, 0);
}

function amountOf(r: Reading): Amount | null {
  // The figure as typed, spaces inside it closed up (转了 5 万) and case ids blanked (H3WN).
  let text = r.clean;
  for (const id of r.ids) text = text.slice(0, id.start) + ' '.repeat(id.typed.length) + text.slice(id.start + id.typed.length);
  // Digits close up on digits only as a group of three (12 000): 3:20 and 5000 2个人 stay apart.
  text = text.replace(/(\d)\s+(?=[万千元块wWkK]|\d{3}(?!\d))/g, '$1');
  // 三 万 五 千: voice input spaces the words of a figure apart.
  // Not into a word that begins with a numeral: 2.8万 一直在哭 is 28,000, then crying.
  text = text.replace(/([零〇一二两三四五六七八九十百千万])\s+(?=[零〇一二两三四五六七八九十百千万元块])/gu, (m, d: string, at: number) => (NUMERAL_WORD.test(text.slice(at + m.length, at + m.length + 2)) ? m : d));
  // 还有1万被银行冻结了, 3万保住了, 后面那笔2万让银行给拦了: money kept is no figure of the loss.
  text = text.replace(new RegExp(`(?:保住了?|拦下了?|追回了?|冻结了?)\\s?${FIGURE}[\\d.,零一二两三四五六七八九十百千万]*\\s?(?:万|千|元|块|w|W|k|K)?`, 'gu'), (m) => ' '.repeat(m.length));
  text = text.replace(new RegExp(`(?:还有|另外)?\\s?(?:一笔|一部分)?\\s?${FIGURE}[\\d.,零一二两三四五六七八九十百千万]*\\s?(?:万|千|元|块|w|W|k|K)?(?=\\s?(?:被|让|给)?\\s?(?:银行|警方|民警|我们|\\p{Script=Han}{1,3}(?:社|行|局|所))?\\s?(?:给)?\\s?(?:冻结|冻住|冻上|拦下|拦住|拦了|拦截|止付|保住|追回|退回))`, 'gu'), (m) => ' '.repeat(m.length));
  // 卡里有三万多, 账上还剩2万: the balance, money not lost, is no figure of the loss.
  text = text.replace(new RegExp(`${BALANCE_SAID}(?:${FIGURE}|几)[\\d.,零一二两三四五六七八九十百千万]*\\s?(?:多|余|来)?\\s?(?:万|千|元|块|w|W|k|K)?(?:多|余)?`, 'gu'), (m) => ' '.repeat(m.length));
  // 3000+5000+2000: the parts added up, asked about.
  const plus = /(?<![\d.])\d[\d.]*(?:\s*[+＋]\s*\d[\d.]*)+/u.exec(r.body);
  if (plus) return { value: plus[0].split(/[+＋]/u).reduce((a, b) => a + Number(b.trim()), 0), approximate: false, summed: true };
  // 损失俩万: 俩 is 两 in a figure.
  text = text.replace(/俩(?=\s?[万千百十块元])/gu, '两');
  const hedged = HEDGE.test(text);
  // 被骗两千 不对 是两万, 损失6000 说错了 是9000: the figure said last, corrected, is the one meant (asked).
  const fixed = CORRECTED.exec(text);
  const refigured = fixed ? readAmountAt(text, fixed.index + fixed[0].length, true) : null;
  if (refigured && refigured.value !== null) return { value: refigured.value, approximate: refigured.approximate === true || hedged, summed: true };
  const total = TOTAL.exec(text);
  // 一共十几万: the total said loosely (read as a figure, 十几万 would be 十万).
  const looseTotal = total ? roundFigure(text.slice(total.index + total[0].length).replace(/^\s*(?:被骗了?|损失了?|转了|有|是|约|大约|大概)?\s*/u, ''), true) : null;
  if (looseTotal) return looseTotal;
  const stated = total ? readAmountAt(text, total.index + total[0].length, true) : null;
  if (stated && stated.value !== null) return { value: stated.value, approximate: stated.approximate === true || hedged };
  const sum = summed(text);
  if (sum !== null) return { value: sum, approximate: hedged, summed: true };
  // 被骗1万 其中5000银行追回来了: the loss or what is left of it? Asked.
  const partBack = /(?:追回|退回|要回)来?了?\s?[\d零一二两三四五六七八九十百千万]+/u.test(r.clean) || /其中\s?[\d零一二两三四五六七八九十百千万]+\s?(?:万|千|元|块)?\s?(?:被|让)?\s?(?:银行|警方|民警)?\s?(?:追回|退回|冻结|止付|拦)/u.test(r.clean);
  // 被骗3万 卡里还剩2万: two sums of money and no total; which one is the loss is asked.
  const several = distinctSums(text) > 1 || partBack;
  // 三到五万, 1到2万: a range said with 到, about its middle.
  const between = /([\d一二两三四五六七八九十]+)\s?(?:到|至|~|～)\s?([\d一二两三四五六七八九十]+)\s?(万|千)/u.exec(text);
  const ends2 = between && [between[1]!, between[2]!].map((d) => parseAmount(d + between[3]!));
  if (ends2 && ends2[0] != null && ends2[1] != null && ends2[0] < ends2[1]) return { value: (ends2[0] + ends2[1]) / 2, approximate: true };
  const range = RANGE.exec(text);
  const ends = range && [range[2]!, range[3]!].map((d) => parseAmount(range[1]! + d + range[4]! + (range[5] ?? '')));
  if (ends && ends[0] != null && ends[1] != null) return { value: (ends[0] + ends[1]) / 2, approximate: true };
  const round = roundFigure(text);
  if (round) return round;
  // 万把块, 千把块: about ten thousand, about a thousand.
  const roughly = /([一两二三四五六七八九]?)(万|千)把/u.exec(text);
  if (roughly) return { value: (roughly[1] ? (parseAmount(roughly[1]) ?? 1) : 1) * (roughly[2] === '万' ? 10_000 : 1000), approximate: true };
  // 几万块, 好几万: money named, no figure given (万 alone is not a figure).
  // 十万几千 names a figure (十万) and then some: not vague.
  if (VAGUE_MONEY.test(text) && !/\d/u.test(text) && !/[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]/u.test(text.replace(VAGUE_MONEY, ''))) return { value: null, approximate: true, vague: true };
  // 被骗了钱九百, 损失五百: hundreds said in words, without 元 or 块.
  const hundreds = /(?:被骗了?|骗了|骗走了?|损失了?|转了|钱)\s?([一二两三四五六七八九]百(?:[零一二三四五六七八九]十?[一二三四五六七八九]?)?)(?![\p{Script=Han}\d])(?!\s*[多来余块元])/u.exec(text);
  if (hundreds && !MONEY.test(text)) return { value: parseAmount(hundreds[1]!), approximate: hedged };
  const tok = r.toks.find((t): t is Token & { t: 'amount' } => t.t === 'amount');
  // A figure with its unit (转了 5 万, closed up above) outranks a bare one the lexer took.
  const m = MONEY.exec(text);
  if (tok && tok.value !== null && !(m && !/[万千百wWkK元块]/.test(tok.text))) return { value: tok.value, approximate: tok.approximate === true || hedged, summed: several };
  const t = m ? null : TRANSFERRED.exec(text);
  if (!m && !t) {
    if (tok) return { value: null, approximate: false, tooBig: !/[-负]/u.test(tok.text) };
    // 转账记录显示90000000000: a run of digits shown as what was sent, too long for a loss; asked.
    const shown = /(?:显示|转账|转了|金额|记录)\D{0,4}(\d{7,})(?!\d)/u.exec(text);
    if (shown && !/^1[3-9]\d{9}$/u.test(shown[1]!)) return { value: null, approximate: false, tooBig: true };
    // 被骗了大几千: money lost, the figure unknown; asked about, never stored as certain.
    return VAGUE_MONEY.test(text) ? { value: null, approximate: true, vague: true } : null;
  }
  // Back up over an estimate word before it: 约3万, 大概两万.
  let start = m ? m.index : t!.index + t![0].length - t![1]!.length;
  const lead = /(?:大约|大概|差不多|将近|接近|约|近|合计|共计|一共|总共|共)\s?$/.exec(text.slice(Math.max(0, start - 4), start));
  if (lead) start -= lead[0].length;
  // A bare figure after a transfer verb is money only if it reads as money (被骗了 3点20转的, 被骗了 2楼).
  const found = readAmountAt(text, start, m !== null || /^(?:损失|金额)/u.test(t![0]));
  if (!found) return null;
  return { value: found.value, approximate: found.approximate === true || hedged, tooBig: found.value === null && !/[-负]/u.test(found.text), summed: several };
}

/**
 * 十几万 (about 15万), 估计有二十几万 (about 20万, the round figure), 三十多万, 损失上万: a figure with
 * the rest unsaid, or at least that much; approximate. `atStart`: only as the text's first words.
 */
function roundFigure(text: string, atStart = false): Amount | null {
  const at = (m: RegExpExecArray | null) => (m && (!atStart || m.index === 0) ? m : null);
  const teens = at(TEENS.exec(text));
  if (teens) return { value: ((teens[1] ?? teens[3]) === '几' ? 15 : 10) * (UNIT[teens[2] ?? ''] ?? 1), approximate: true };
  const tensSome = at(TENS_SOME.exec(text));
  if (tensSome) return { value: (parseAmount(tensSome[1]!) ?? 0) * 10 * UNIT[tensSome[2]!]!, approximate: true };
  const upwards = at(/(?<![几好大数])上(万|千)(?!把)/u.exec(text));
  if (upwards && !/\d/u.test(text)) return { value: UNIT[upwards[1]!]!, approximate: true };
  return null;
}

/** 骗了三千块, 让人忽悠走, 都转给骗子了: money said to be gone in words the result list leaves to context. */
const LOST_VERB = /骗了|骗走|忽悠走|忽悠了|转给了?(?:骗子|对方|人家)|让人骗|叫人骗|坑了|被坑|坑走|搭进去|打水漂|卷走|弄走|搞走/u;
/** 三万八那笔 老人还坚持要转, 一万还没充, 骗子要全转走: money still meant to go, not gone. */
const STILL_MEANT = /(?:坚持|非要|还要|还想|要全?|准备)(?:转|汇|交|取|充)(?:走|出来|出去)?(?:钱)?(?=$|[\s\p{P}])|还没(?:充|转|交|汇|付|买|取|给)/u;
/** 我再核实一下, 还得确认, 问问清楚: the worker is still checking what they just said. */
export const STILL_CHECKING = /(?:再|还得|还要|要再|正在|在)(?:核实|确认|核对|落实|问问)|(?:还得|还要)(?:看|查|问)|(?:核实|确认|核对)(?:一下|下)|(?:确认|问|核实|搞|弄|查)清楚(?!了)/u;
const STILL_AT_IT = /还在劝|正在劝|(?:还|正|隔着门)?在(?:聊|谈)(?!过)|(?:还在|正在)(?:做工作|做思想工作|沟通|做他的工作|做她的工作)|接着(?:劝|做工作|做思想工作)|继续(?:劝|做工作|做思想工作)/u;
/** 还在跟对方聊, 正和骗子视频: the victim still in touch with the scammer. */
const STILL_WITH_THEM = /(?:还在|正在|仍在|还|在)(?:跟|和|与)(?:对方|骗子|那边|那个人)\p{Script=Han}{0,2}?(?:聊|谈|联系|通话|视频|打电话|发消息)/u;
const PASSIVE_FRAUD = /被\p{Script=Han}{1,10}?骗(?:了|走)/u;

/** 前后投了二十多万, 充了三万: money put in, said in Chinese numerals. */
const PUT_IN = /(?:投了|投进去|投进去了|充了|充值了?|转进去|转出去)\s?(?:大概|大约|约|差不多|将近|前后|总共|一共)?\s?[零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]/u;

const FIGURE = '[\\d零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]';
/** 骗子让转3万, 老人坚持要投10万, 说要汇2万给"儿子", 骗子要1.5w: money asked for or meant, not moved. */
// 骗子让他把十五万转到安全账户, 骗子要的是1.5w, 要她先充1w5: the same, with 把, 的是 or 充.
const INTENDED = new RegExp(`(?:要|让|想|准备|打算|说要|逼着?|催着?|骗他|骗她)(?:的是)?(?:他|她|老人)?(?:先|再)?(?:把|转|汇|投|交|打|存|给|取|充|买|缴)?(?:个|了)?(?:现金|钱)?\\s?(?:大概|约)?${FIGURE}`, 'u');
/** 说他涉嫌洗钱两百万, 退休金一个月六千多, 手里有两万八现金: money alleged, earned or held; not lost. */
const NOT_MONEY_LOST = new RegExp(`涉嫌\\p{Script=Han}{0,4}?${FIGURE}|(?:退休金|工资|月薪|收入|养老金|年薪|积蓄)\\p{Script=Han}{0,6}?${FIGURE}|(?:手里|手上|身上|家里|包里|兜里|口袋里)(?:还|就|总共|一共)?(?:大概|大约|约|差不多)?(?:有|揣着|带着|装着|放着)\\s?(?:大概|大约|约|差不多)?\\s?${FIGURE}`, 'u');
/** 老人刚取了5万现金放家里: cash drawn and still held (取了5万现金转给骗子了 is gone). */
const DRAWN = new RegExp(`取了?\\s?${FIGURE}[^\\s，,。]{0,4}现金(?!\\p{Script=Han}{0,4}(?:转|汇|交|给|骗|被))`, 'u');
/** 卡里6万多都在, 8万多 还没动: the money still where it was. */
const STILL_THERE = new RegExp(`${FIGURE}\\s?(?:多|余|来)?\\s?(?:万|千|元|块|w|W|k|K)(?:多|余|来)?钱?\\s?(?:(?:都在|还在)(?![犹劝聊想考纠跟和打说等做讲谈问磨哭闹找])|没动|还没动|一分没少|没少|都没动|保住)`, 'u');
/** 卡里有两万多, 老人卡里还有三万多: the balance, money not yet moved. */
/** 卡里还有, 账上剩, 存款有大概: a balance about to be said (one list for BALANCE and amountOf). */
const BALANCE_SAID = '(?:卡里|卡上|账户里|账上|存折里|存折上|存款)(?:头)?(?:(?:还|就|总共|一共|本来)?(?:有|剩|存着?)|就|只|才)\\s?(?:大概|大约|约|差不多|将近)?\\s?';
const BALANCE = new RegExp(`${BALANCE_SAID}(?:${FIGURE}|几)`, 'u');
/** 转走, 骗走, 转了: money said to have moved, beside a balance. */
const MOVED = /转走|骗走|转出|汇出|转了|汇了|打了|被骗|损失|少了/u;
/** Times before this case: 上个月, 去年, 之前, 上次 (one list for the rules below). */
const BEFORE_THIS = '上个?月|上周|上礼拜|上星期|去年|前年|以前|之前|上次|上回|早些年|那年|前几年';
/** 上个月就被骗过一次, 去年被骗了2万: an earlier loss. */
const PAST_LOSS = new RegExp(`(?:${BEFORE_THIS})\\p{Script=Han}{0,6}?(?:被骗过|骗过|被骗了|上过当)`, 'u');
/** A colleague's side, opening a clause: 李姐那边, 老周那单, 周网格那儿. */
const THEIRS = /^(?:[老小]\p{Script=Han}|\p{Script=Han}(?:姐|哥)|\p{Script=Han}{1,2}(?:网格|社区|督导|警官))(?:那边|那儿|那里|那单|那个单子?)|(?:他|她|他们)(?:那边|那儿|那里|那单)/u;
/** Words that put what follows before this case: 之前, 去年, 上次. */
const EARLIER = new RegExp(`${BEFORE_THIS}|早先`, 'u');
/** The clause a token stands in, up to the token. */
const clauseBefore = (clean: string, at: number) => clean.slice(0, at).split(/[\s，,。；;！!]+(?=\S)/u).pop()!.trimStart();
/** 去年就被骗过一回, 上次被骗了: an earlier loss in so many words (之前被骗了 may be this case's). */
const EARLIER_LOSS = new RegExp(`(?:${BEFORE_THIS}|[一二两三四五六七八九十几\\d]+年前)\\p{Script=Han}{0,6}?(?:被骗过|骗过|上过当)|(?:上次|上回)\\p{Script=Han}{0,6}?损失|(?:上个?月|去年|前年|上次|上回|早些年|那年)\\p{Script=Han}{0,6}?被骗了`, 'u');
/** 3块钱一盒, 每瓶20元: a price, not a loss. */
/** 坚持要去报那个99元的一日游, 非要买那个2万的理财: a purchase still intended, nothing lost. */
const MEANS_TO_BUY = new RegExp(`(?:要|想|准备|打算|非要|执意)(?:去)?(?:报|买|参加|订|交|付|花)(?:那个|这个|个)?\\s?${FIGURE}`, 'u');
const PRICE = new RegExp(`${FIGURE}\\s?(?:元|块钱?)\\s?(?:一|每)(?:盒|瓶|斤|个|包|袋|份|张|次|件)|(?:每|一)(?:盒|瓶|斤|个|包|袋|件)${FIGURE}`, 'u');

/** 已经买了两盒保健品, 前天买了理财: money already spent on what the scam sold. */
const PURCHASED = /(?:已经|已|前天|昨天|之前|早就)\p{Script=Han}{0,2}?买了\p{Script=Han}{0,4}?(?:保健品|理财|产品|黄金|药|课程|会员)/u;

/** 他在跟朋友, 老人正在和: someone else doing something, right before a method word. */
const THEIR_OWN = /(?:他|她|老人|对方|家属|老太太|老头|骗子)(?:还|正)?在(?:跟|和|与)?[^\s，,。]{0,3}$|骗子的?$/u;

/** Calling without the word 电话: 打了4次, 打了好几遍, 没人接, 占线, 关机, 停机, 打不通. */
const CALLED = /打了\s?(?:\d+|[一两二三四五六七八九十几好]+)\s?(?:次|遍|个)|没人接|不接|没接|占线|关机|停机|打不通|空号/u;

/**
 * The outcome a message asserts, or null when it names no result (a loss amount alone counts
 * as 已被骗).
 * @example readOutcome(read('反馈 Q7RT 已被骗 损失约3万 已报警', cases))?.approximate // true
 */
/**
 * 【反诈快讯】某地老人被骗走120万, 转：刷单返利就是诈骗！已有多人被骗, 今日说法讲了个…一个阿姨被骗五万多:
 * news or a story forwarded to the group, about someone else; no case's outcome.
 */
const NEWS = /^\s*(?:【|\[(?:转|转发|分享)\]|(?:转|转发|转载|分享)\s?[:：]|转发(?:一条|一篇|一个|一下)|分享(?:一条|一篇|一个))|(?:新闻|快讯|今日说法|央视|日报|晚报|报道)\p{Script=Han}{0,4}?(?:说|讲|报道|称|了个|：|:)|某(?:地|市|区|县|省|小区)|多人被骗|(?:有|一)(?:个|名|位)(?:阿姨|大爷|大妈|小伙子?|姑娘|女士|男子|女子|市民|大学生|老太太|老人|老大爷|老奶奶)\p{Script=Han}{0,3}?被|^\s*(?:转发|分享|转)\s|分享链接|新闻[:：]|(?:看|刷)(?:到|了)(?:个|条|一个|一条|一篇|段)?\p{Script=Han}{0,2}?(?:新闻|视频|报道|帖子|抖音|快手)|(?:抖音|快手|视频号|微博|电视|广播|海报|通报|快报|警情|警方提示|警方提醒)\p{Script=Han}{0,6}?(?:[:：】]|上|里|说|讲|写|报道|提醒)|全(?:区|县|镇|市|省|国|街道|乡)|(?:我|本)(?:区|市|县|镇|乡|街道)(?:发生|接报|共)|有人被骗|已有\p{Script=Han}{0,3}?(?:\d+|[一二两三四五六七八九十几多]+)(?:人|户|名|位)|[两三四五六几多]户(?:人家)?(?:上当|被骗)|(?:[我俺]|我们|俺们)(?:的)?(?:表姐|表哥|表妹|表弟|侄子|侄女|亲戚|同学|朋友|老乡|外甥|外甥女|堂哥|堂姐)|(?:外地|外省|隔壁\p{Script=Han}{0,2}|城里)\p{Script=Han}{0,3}?(?:一个|有个|一名|一位)|一名(?:男子|女子)|(?:男子|女子)\p{Script=Han}{0,4}?被骗|嫌疑人|(?:老师|培训)\p{Script=Han}{0,4}?(?:讲|说)/u;
/**
 * 误报的也要认真核实, 拒绝配合的要多去几次, 已报警的案子派出所会跟进, 劝阻成功率, 劝阻成功23起:
 * a result named as a kind of case, a rate or a count, in a rule or a figure; no outcome asserted.
 */
const AS_A_KIND = /^(?:的(?:也|都|就|得|要|一律|一定|必须|话|时候|案子|案件|单子|情况|同志|网格员|群众|人|那些|这些|那种|这种|有)|率|\s?(?:了)?\s?(?:\d+|[两三四五六七八九十百几]|[一二两三四五六七八九十百]{2,})\s?(?:起|例|件|单)(?![元位独间身子]))/u;

/** 反馈一下 本周劝阻成功5起: results counted or named as a kind, no outcome told. */
export const talliesResults = (r: Reading) => r.toks.some((t) => t.t === 'result' && AS_A_KIND.test(r.clean.slice(t.end)));

/** 这周我接了9单 7单劝住了 2单误报, 上午三单都是误报: results counted, the count before them. */
const COUNTED = /(?:\d+|[两三四五六七八九十几]|[一二两三四五六七八九十]{2,})\s?(?:单|起|例|件)(?![元位独间身子])\s?(?:都是|都|是|全是)?\s*$/u;

export function readOutcome(r: Reading): Outcome | null {
  if (NEWS.test(r.clean) && !/^\s*反馈/u.test(r.body)) return null;
  // 本月劝阻成功12起 误报5起 被骗1起 损失3000, 被骗的有两起…都已报警: every result counted; a tally, whatever sums it names.
  const stated = r.toks.filter((t): t is Token & { t: 'result' } => t.t === 'result' && t.result !== 'reported');
  if (stated.length === 0 && /(?:有|共有|一共|共)\s?(?:\d+|[两三四五六七八九十几]+)\s?(?:起|例|单|件)(?![元位独间身子])/u.test(r.clean) && !/^\s*反馈/u.test(r.body)) return null;
  if (stated.length > 0 && stated.every((t) => AS_A_KIND.test(r.clean.slice(t.end)) || COUNTED.test(r.clean.slice(Math.max(0, t.start - 8), t.start))) && !/^\s*反馈/u.test(r.body)) return null;
  // 李姐那边劝住了 我这J6TB还在找人: a result in a colleague's clause is theirs.
  // 说这人之前报过案: an earlier event, not this case's outcome (之前已经被骗过一笔 may be this case's loss: asked).
  const results = r.toks.filter((t): t is Token & { t: 'result' } => t.t === 'result' && !THEIRS.test(clauseBefore(r.clean, t.start)) && !AS_A_KIND.test(r.clean.slice(t.end)) && !(t.result !== 'defrauded' && EARLIER.test(clauseBefore(r.clean, t.start)) && /过/u.test(t.text + r.clean.slice(t.end, t.end + 1))));
  // 那个老人我认识 去年就被骗过一回 损失一万多: every result is an earlier loss (这次又被骗了 is not).
  const past = EARLIER_LOSS.exec(r.clean);
  if (past && results.every((t) => t.start >= past.index && t.start < past.index + past[0].length) && !/(?:这次|这回|今天|刚才|刚刚|又)\p{Script=Han}{0,4}(?:被骗|转|损失|骗|汇)/u.test(r.clean.slice(past.index + past[0].length))) return null;
  const amount = amountOf(r);
  const main = results.filter((t) => t.result !== 'reported').sort((a, b) => WEIGHT[a.result] - WEIGHT[b.result])[0];
  const reported = results.some((t) => t.result === 'reported');
  const lossWord = r.toks.some((t) => t.t === 'loss');
  // 骗子让转3万, 老人坚持要投10万, 卡里6万多都在, 卡里还有三万多, 3块钱一盒: money asked for, meant,
  // still there, a balance or a price; not lost.
  // 上个月就被骗过一次 6000块: an earlier loss told, not this case's.
  const notLost = !lossWord && !results.some((t) => t.result === 'defrauded') && (INTENDED.test(r.clean) || STILL_MEANT.test(r.clean) || MEANS_TO_BUY.test(r.clean) || NOT_MONEY_LOST.test(r.clean) || DRAWN.test(r.clean) || STILL_THERE.test(r.clean) || PRICE.test(r.clean) || PAST_LOSS.test(r.clean) || NOT_YET_SENT.test(r.clean) || (BALANCE.test(r.clean) && !MOVED.test(r.clean)));
  // 分三笔转的 共7600, 共转账3笔…合计10000元: the total of what was sent, said outright.
  const sumSent = SUM_SENT.test(r.clean);
  // 老太太手里的钱 … 我正在劝: a sum named while the work goes on is not yet gone (转了 says it is).
  const moneyGone = amount !== null && !notLost && (lossWord || sumSent || TRANSFERRED.test(r.clean) || (MONEY.test(r.clean) && !(STILL_AT_IT.test(r.clean) && results.length === 0) && (results.length > 0 || /^\s*反馈/u.test(r.body) || LOST_VERB.test(r.clean))) || PUT_IN.test(r.clean) || (amount.vague === true && results.some((t) => t.result === 'defrauded'))) && !r.negated.includes('defrauded');
  // 损失7000 已报警: the loss decides; 已报警 goes along with it.
  // 未能联系上, 没打通, 没见到人: a contact denied is an attempt that failed.
  const contactFailed = main === undefined && !r.negated.includes('unreachable') && CONTACT_FAILED.test(r.clean);
  // 上门了 老人没转 卡里6万多都在: the money kept is the outcome.
  const kept = main === undefined && !moneyGone && (STILL_THERE.test(r.clean) || NOT_SENT.test(r.clean)) && !STILL_AT_IT.test(r.clean) && !STILL_CHECKING.test(r.clean) && !r.negated.includes('dissuaded');
  let result: Result | null = main?.result ?? (moneyGone ? 'defrauded' : contactFailed ? 'unreachable' : reported ? 'reported' : kept ? 'dissuaded' : null);
  if (result !== 'defrauded' && result !== 'dissuaded' && result !== 'false_positive' && moneyGone) result = 'defrauded';
  // 还在劝 没劝住 接着做工作: the dissuasion goes on; nothing is decided yet.
  if (result === null || (result === 'refused' && STILL_AT_IT.test(r.clean))) return null;
  // 钱没转 但还在跟对方聊: the money not sent yet, while the victim still talks to the scammer.
  if (result === 'dissuaded' && STILL_WITH_THEM.test(r.clean) && results.filter((t) => t.result === 'dissuaded').every((t) => /没(?:有)?(?:转|汇|打|动)/u.test(t.text))) return null;
  // 没劝住 已经陪老人去派出所报案了: a dissuasion that failed, then a case filed with the police, is
  // a loss, though no figure is said; asked first (劝不动 已报警 may be a call for help in time).
  const lossReported = result === 'refused' && results.some((t) => t.result === 'reported' && /报案|立案/u.test(t.text)) && results.every((t) => (t.result === 'reported' && /报案|立案/u.test(t.text)) || /^(?:没|未|没有|没能|未能)(?:劝|拦)住/u.test(t.text));
  if (lossReported) result = 'defrauded';
  // 没劝住 钱已经转给那个"船东"了, 没劝住 钱已经交给养老公寓那帮人了: the failed dissuasion, then the money handed over.
  if (result === 'refused' && results.length > 0 && results.every((t) => FAILED_DISSUASION.test(t.text)) && (/钱(?:已经|已|都)?(?:转|交|打|汇)给(?!(?:他|她)?(?:女儿|儿子|孩子|家里|老伴|亲戚|自己))/u.test(r.clean) || /(?:钱|款)?(?:已经|已|都)?(?:转|汇)(?:掉|走|出去)(?:了|\s?\d)/u.test(r.clean))) result = 'defrauded';
  const said = new Set(results.filter((t) => !stoppedAfterLoss(results, t, r.clean)).map((t) => t.result));
  if (result === 'defrauded') said.add('defrauded');
  // 他在跟朋友视频: a method someone else is using is not how the worker reached them.
  // 俺把电话给挂了: the scammer's call hung up, not how the worker reached the victim.
  // 微信转了4500: how the money went, not how the worker reached the victim; 把…的微信删了: the scammer's contact deleted.
  const methods = r.toks.filter((t): t is Token & { t: 'method' } => t.t === 'method' && !/^\s*(?:转|支付|付款|付了|汇|删|拉黑|给删|给拉黑)/u.test(r.clean.slice(t.end)) && !/^\s*(?:好友|号)?\s*(?:删|拉黑)/u.test(r.clean.slice(t.end)) && !THEIR_OWN.test(r.clean.slice(Math.max(0, t.start - 6), t.start)) && !(/把\s*$/u.test(r.clean.slice(Math.max(0, t.start - 2), t.start)) && /^\s*(?:给)?(?:挂|挂了|挂断|抢)/u.test(r.clean.slice(t.end))));
  // 劝阻方式为电话，非上门: a method denied is not how it was done.
  // 视频打过去: the call made by video; 打过去 is its verb, not a phone call.
  const usedMethods = methods.filter((t, i) => !/(?:非|不是|没|没有|未)\s?$/u.test(r.clean.slice(Math.max(0, t.start - 2), t.start)) && !(t.method === 'phone' && methods[i - 1]?.method === 'video' && r.clean.slice(methods[i - 1]!.end, t.start).trim() === ''));
  const before = main ? usedMethods.filter((t) => t.start < main.start).pop() : undefined;
  let method: Method | null = (before ?? usedMethods[0])?.method ?? null;
  if (method === null && result === 'unreachable' && AT_THE_DOOR.test(r.clean)) method = 'visit';
  // 刚从老人家里出来, 门都没让进, 被家属赶出来了: at the door; 打通了: by phone.
  if (method === null && WAS_THERE.test(r.clean)) method = 'visit';
  if (method === null && /打通了|接通了|电话里|通了电话/u.test(r.clean)) method = 'phone';
  // 打了4次都没接, 一直占线: calls, though 电话 is not said.
  if (method === null && CALLED.test(r.clean)) method = 'phone';
  const loss = result === 'defrauded' && amount ? amount.value : null;
  const vague = result === 'defrauded' && amount?.vague === true;
  return {
    method,
    result,
    lossAmount: loss,
    approximate: (loss !== null && amount!.approximate) || vague,
    alsoReported: reported && result !== 'reported',
    // 没被骗 但是钱已经转走了: a result denied and asserted in one message.
    // 反馈 D5FJ 误报 损失5000: a loss told with an outcome that has none.
    // 反馈 A9HC 没人 劝住了: nobody reached and persuaded at once is asked about.
    // 劝住了 但是前天已经买了两盒保健品: stopped now, but money spent on the scam already; asked.
    // 没转钱 被骗了: no money sent, yet defrauded; asked.
    conflicting: (result === 'dissuaded' && PURCHASED.test(r.clean)) || (result === 'defrauded' && amount === null && NOT_SENT.test(r.clean)) || (lossWord && amount?.value != null && amount.value !== 0 && result !== null && result !== 'defrauded' && result !== 'reported') || ((result === 'dissuaded' || result === 'refused') && (CONTACT_FAILED.test(r.clean) || results.some((t) => t.result === 'unreachable'))) || conflicting(results, reported, r.clean) || optionsCopied(results, r.body) || (said.has('defrauded') && said.has('dissuaded')) || (said.has('false_positive') && (said.has('dissuaded') || said.has('refused'))) || (result !== null && r.negated.includes(result)),
    // The result rests on a figure alone (反馈 Q7RT 5万): inferred, so asked about.
    // 被冒充客服的骗了52000: the loss said in the passive, around who did it, is stated.
    // 反馈 G6TH 没劝住 alone: refused, or the money gone? Asked.
    inferred: r.slip === true || lossReported || (result === 'refused' && results.length > 0 && results.every((t) => FAILED_ONLY.test(t.text)) && amount === null && !/坚持|执意|非要|不听|不信|拉黑|挂/u.test(r.clean)) || (main === undefined && !reported && !lossWord && !sumSent && !contactFailed && !(kept && NOT_SENT.test(r.clean) && /^\s*反馈/u.test(r.body)) && !(result === 'defrauded' && PASSIVE_FRAUD.test(r.clean))) || (result === 'defrauded' && amount?.summed === true),
    badAmount: result === 'defrauded' && amount !== null && amount.value === null && amount.tooBig !== true && !vague,
    tooBig: result === 'defrauded' && amount?.tooBig === true,
  };
}
