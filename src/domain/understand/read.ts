/**
 * Reading a message once: quote split off, full-width folded, mentions removed,
 * punctuation blanked, lexed; then the facts every grammar needs are noted on the result:
 * negated words dropped, questions marked, case ids weighed against the sender's cases.
 */
import type { Result } from '../case-machine.js';
import { ACK_UNDONE, CLAIM_VERBS, COMMAND_DROPPED, KEYWORDS, MISHEARD_ACK, COMMAND_NEGATIONS, NEGATIONS, PLATE_PREFIXES, QUESTION_ENDINGS, QUESTION_SHAPES, QUESTION_WORDS, SOFT_QUESTION, STRONG_ACK, WEAK_ACK } from '../case-words.js';
import { readUtterance } from '../utterance.js';
import { foldTraditional } from '../text.js';
import { blankPunctuation, lex, type Token } from '../grammar-lexer.js';
import { errand } from './on-the-way.js';
import { blankSpans, governedSpans, type Governed } from './scope.js';
import type { OpenCase } from './types.js';

/**
 * How a case id in the text relates to the sender: their own open case, another case they may
 * see, one character away from exactly one of their open cases, or unknown.
 * @example const e: IdEvidence = { typed: 'Q7RI', id: 'Q7RT', how: 'typo' }
 */
export interface IdEvidence {
  typed: string;
  id: string;
  how: 'own' | 'visible' | 'typo' | 'unknown';
  start: number;
}

/**
 * A message as every grammar sees it.
 * @example read('收到 Q7RT', { openCases: [], visibleCases: ['Q7RT'] }).ids[0]?.how // 'visible'
 */
export interface Reading {
  /** Normalised reply text (no quote, no mentions, trailing full stops dropped). */
  body: string;
  /** `body` with punctuation blanked, positions kept. */
  clean: string;
  /** Tokens, with negated results and acknowledgements turned into plain words. */
  toks: Token[];
  /** Results the sender denied (没劝住 → dissuaded). */
  negated: Result[];
  /** Names mentioned, the bot excluded. */
  others: string[];
  mentionsBot: boolean;
  /** Asked: 吗, ？, 是不是, 怎么 … */
  question: boolean;
  /** Maybe asked, maybe a softened statement: 呢, a trailing 没. Never a state change. */
  softQuestion: boolean;
  ids: IdEvidence[];
  /** The sender laughs (哈哈, 笑死, 😂), before decoration is blanked: talk, not a request. */
  laughed: boolean;
  /** Commands the sender called off (不用督办了, 督办就算了): the message changes nothing. */
  calledOff: boolean;
  /** The kinds of unasserted spans in the message (understand/scope.ts), blanked or not. */
  governed: Governed[];
  /** A result word read from a slip that may mean something else (无报): asked before it acts. */
  slip?: boolean;
  /** The message opens by calling a person (@周网格 看一下这个), not the bot. */
  personFirst?: boolean;
  /** The person @-mentioned right after a hand-over word (转给@吴网格), the mention as written. */
  handedTo?: string;
}

const NEGATION_BEFORE = new RegExp(`(?:${[...NEGATIONS].sort((a, b) => b.length - a.length).join('|')})$`);
/** 先别记劝阻成功, 还不能算劝住: a negation, a verb of claiming, then the result. */
const DENIED_CLAIM = new RegExp(`(?:${[...NEGATIONS].sort((a, b) => b.length - a.length).join('|')})(?:${CLAIM_VERBS.join('|')})$`, 'u');
/** 还没劝住, 尚未转账: not yet, so no result either way. */
const NOT_YET = /(?:还|尚|仍|暂)$/u;
const QUESTION = new RegExp(`[?？]|${QUESTION_WORDS.join('|')}`);
/** 损失多少, 电话是多少来着: 来着 recalls, the ending still asks. */
// 劝住了么: 么 closing a sentence asks, as 吗 does (not 这么, 怎么, 什么).
// 一个没有, 一分都没有: none at all, told (劝住了没有 asks).
const QUESTION_END = new RegExp(`(?<!也|一[个单件次分条点毛]都?|啥都|什么都)(?:${QUESTION_ENDINGS.join('|')}|没得|(?<![这那怎什多要])么)(?:来着)?[\\s啊呀呢哈]*$`);
const SOFT = new RegExp(SOFT_QUESTION.join('|'));
const SHAPES = new RegExp(QUESTION_SHAPES.join('|'), 'u');
const COMMAND_NOT = new RegExp(`(?:${COMMAND_NEGATIONS.join('|')})$`, 'u');
const UNDONE = new RegExp(`^(?:${ACK_UNDONE.join('|')})`, 'u');
/** 不用督办, 别转给; but 要不要更正 asks (the question rule keeps it from acting). */
const calledOff = (before: string) => COMMAND_NOT.test(before) && !/(?:要不要|用不用|需不需要|该不该|能不能)$/u.test(before);
/** Commands a negation before them calls off (不用督办了); results have their own rule. */
const CALLED_OFF = new Set(['supervise', 'cancel', 'reassign', 'reopen', 'correct', 'ack']);
/** 督办就算了, 撤销先不用: dropped right after it. */
const DROPPED = new RegExp(`^\\s*(?:${COMMAND_DROPPED.join('|')})`, 'u');
/**
 * Asked without a question word: either-or of a verb (报没报警, 去没去, 用不用转), 了没 closing a
 * clause (反馈了没 我这边要报分局, 到底劝住没啊 急死了), a clause-final 不 after a modal (今天能办结不).
 */
// 哭得不得了, 了不了之: set phrases, not either-or.
const A_NOT_A = /(\p{Script=Han})[不没]\1(?<!得不得(?=了))(?<!了不了(?=之))/u;
const CLAUSE_ASKS = /了没有?(?=[\s啊呀呢吧哈嘛]|$)|(?<=\p{Script=Han})(?:住|通|到|完|成|掉|走|接)没有?(?=[啊呀呢吧哈嘛]?\s)|(?:能|会|可以|要|是|有|行|对)\p{Script=Han}{0,6}不(?=\s|$)/u;
/**
 * WeChat's emoji codes as text: [抱拳], [强], [玫瑰]. A bracket holding a question or negation
 * word ([吗], [不]) is not an emoji: it stays, so the question still counts.
 */
const EMOJI_CODE = /\[(?![^\]]*[吗呢么没不否])[\p{Script=Han}A-Za-z]{1,4}\]/gu;

/** The result a denial phrase (NEUTRAL: 没有上当, 没报警, 不是误报) is about. */
function deniedBy(phrase: string): Result {
  if (/误报/u.test(phrase)) return 'false_positive';
  if (/报警/u.test(phrase)) return 'reported';
  return 'defrauded';
}

/**
 * 不知道格式对不对, 是这样回吗, （是不是要带上编号？）: a newcomer asking whether the message is
 * written right, around the command itself; the command stands.
 */
const FORM_ASKED = /[（(]?(?:不知道|不晓得|不确定)?(?:格式|这样写|这么写|这样回|这么回|这样发|写法)(?:对不对|对吗|对不|行不行|行吗|可以吗|正确吗|规范吗)[？?]?[）)]?|[（(]?(?:是这样|是这么)(?:回|写|发|报)(?:吗|的吗|不)[？?]?[）)]?|[（(]?(?:是不是|要不要|需不需要)(?:要|得)?带上?编号[吗呢]?[？?]?[）)]?/gu;
/** A laugh, in words or emoji (not 查一哈 said with 哈 last, nor 谢谢哈哈). */
const LAUGH = /(?<![一谢])哈哈|呵呵|嘿嘿|笑死|[😂🤣😄😆]/u;
/** Emoji that say something (WEAK_ACK: 👌 is 收到); any other emoji is decoration. */
const MEANINGFUL_EMOJI = /^(?:👌|👍|🫡|💪|🆗|✅|✔|✌|👉|➡)/u;
const EMOJI_RUN = /\p{Extended_Pictographic}(?:\u{FE0F}|\u{200D}|\p{Emoji_Modifier}|\p{Extended_Pictographic})*/gu;
/** 嗯，帮助 · 哦 2: an interjection before the message proper. */
const LEADING_INTERJECTION = /^(?:(?:嗯+|哦+|噢+|喔+|呃+|额+|诶|欸|哎|唉|啊)[\s，,、。.!！~～]+)+(?=[\p{Script=Han}A-Za-z0-9/@])/u;
/** 马上过去哈 · 看下我的啊 · 领了哈哈: a tone particle (or a laugh) closing the message. */
const TRAILING_PARTICLES = /(?<=[\p{Script=Han}A-Za-z0-9\p{Extended_Pictographic}\]][\s，,。.!！]*)(?<![哈啊呀一])(?:哈+|啊+|呀+|啦+|哦+|噢+|喔+|哟+|呗|咯)+[\s。.!！~～]*$/u;
/**
 * One-character shorthands after a case id or alone between spaces: K7Q2撤 (撤销), H3WN收 (收到),
 * J3DK中 (好), 绑Y2MC6V (绑定); 改误报 (改为).
 */
const SHORTHAND = /(?<=^|[\s\p{P}\p{S}A-Za-z0-9]|这条|这单)(?:撤|收|中)(?=$|[\s\p{P}\p{S}])|(?<=[A-Za-z0-9]\s?|这条|这单)撤(?=一下|掉(?!了))|绑(?=\s?[A-Za-z0-9]{6}(?![A-Za-z0-9]))|(?<=[A-Za-z0-9]{6}\s?)绑(?=$|[\s\p{P}\p{S}])|改(?=误报|已报警|劝阻成功|已被骗|拒绝配合|未接通)/gu;
const SHORTHAND_MEANS: Record<string, string> = { 撤: '撤销', 收: '收到', 中: '好', 绑: '绑定', 改: '改为' };
/** 嗯收到, 嗯我要看帮助: 嗯 run into the message proper (那个… stays: it may open talk to people). */
const FILLER_BEFORE_COMMAND = /^\s*嗯+[\s，,]*(?=反馈|查|督办|重办|更正|撤销|转派|帮助|我的|统计|宣传|收到|我|俺|好的|知道|晓得|明白|了解)/u;
/** 我的，辛苦 · 统计 谢谢: thanks after the message proper. */
const TRAILING_THANKS = /(?<=[\p{Script=Han}A-Za-z0-9][\s，,。.!！~～]*)[\s，,。.!！~～]*(?:辛苦(?:你|您|大家)?(?:了|啦)?|谢谢(?:你|您|啦|了)?|谢啦|谢了|(?<![谢多])谢|多谢|感谢|麻烦(?:你|您)?(?:了|啦)|拜托(?:了|啦)?)[\s。.!！~～]*$/u;

/** “收到 M4PA”, 「反馈 X6CU 劝阻成功」: a command in quotation marks. */
const QUOTED_COMMAND = /[“"「『]\s*((?:收到|反馈|查|督办|撤销|转派|更正|重办|帮助|我的|统计|绑定|宣传)[^”"」』]{0,30})[”"」』]/gu;

/**
 * Decoration blanked, positions kept: emoji other than the ones that say something (收到🏃,
 * 劝住了没🙏), an interjection before the message, a tone particle and thanks after it, so a
 * bare command or a question still reads as one.
 * @example blankAsides('嗯，帮助🙏').trim() // '帮助'
 */
function blankAsides(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  // 先回“收到 M4PA” 然后再去: a command shown in quotes inside a longer sentence is mentioned, not given.
  const unquoted = text.replace(QUOTED_COMMAND, (m, _inner: string, at: number) => ([...(text.slice(0, at) + text.slice(at + m.length)).matchAll(/\p{Script=Han}/gu)].length >= 4 ? blank(m) : m));
  const opened = unquoted.replace(LEADING_INTERJECTION, blank).replace(FILLER_BEFORE_COMMAND, blank);
  // 帮助👍, 收到👌: after words, any emoji only decorates them (J3DK👌, D9EY 👉 still say it).
  const plain = opened.replace(EMOJI_RUN, (m, at: number) => (MEANINGFUL_EMOJI.test(m) && !(/\p{Script=Han}/u.test(opened.slice(0, at)) && opened.slice(at + m.length).trim() === '') ? m : blank(m)));
  if (!/[\p{Script=Han}A-Za-z0-9]/u.test(plain)) return text;
  // Only beside a command with its id or 收到 (反馈要不要带编号 alone asks how to use the bot).
  const formAsked = /[A-Za-z0-9]{4}|收到/u.test(plain.replace(FORM_ASKED, ' ')) ? plain.replace(FORM_ASKED, blank) : plain;
  const trimmed = formAsked.replace(TRAILING_PARTICLES, blank);
  // 好的谢谢 is a pleasantry through and through: left whole, as chatter.
  const thanked = trimmed.replace(TRAILING_THANKS, blank);
  return WEAK_ACK.includes(thanked.trim().toLowerCase()) ? trimmed : thanked;
}

/**
 * Shorthands and slips written out in full, once decoration is gone: K7Q2撤 (撤销), 劝阻是成功了,
 * 窝的 (我的), 以经 (已经), 再路上 (在路上), and 嘞 closing a clause, which is 了 said in the north
 * (转走嘞, 报警嘞; not 得嘞 or 好嘞).
 * @example spellOut('K7Q2撤') // 'K7Q2撤销'
 */
function spellOut(text: string): string {
  // Again once decoration is gone: 劝住了伐哈 and 我克🙏 end in the dialect word only now.
  return cantonese(text)
    .replace(SHORTHAND, (m) => SHORTHAND_MEANS[m.trim()] ?? m)
    .replace(/劝阻(?:是|[\s，,。.；;])+成功/gu, '劝阻成功')
    .replace(/^(\s*)窝的/u, '$1我的')
    // 我的妈呀, 我的天: an exclamation, not 我的 (the sender's cases).
    .replace(/(?<=^|[\s\p{P}])我的(?:妈呀|妈啊|妈耶|天哪|天呐|天啊|天|妈|乖乖|个天)(?=[\s\p{P}!！]|$)/gu, '哎呀')
    .replace(/以经/gu, '已经')
    // sd: 收到 by its pinyin initials, as a word of its own.
    .replace(/(?<![A-Za-z0-9])[sS][dD](?![A-Za-z0-9])/gu, '收到')
    .replace(/再路上/gu, '在路上')
    // 马上过趣了: 趣 for 去 by pinyin input; 马上过克, 我克看看, 转出克了: 克 is 去 in the southwest.
    .replace(/过趣/gu, '过去')
    .replace(/(?<=过|出|马上|我|俺|这就|立马|赶紧)克(?![服隆制扣星拉斯])/gu, '去')
    // 给是被骗了: 给是 asks 是不是 in Yunnan; 咋个样: 怎么样; 能做哪样, 整哪样: 什么.
    .replace(/(?<![交送转派递])给是(?=\p{Script=Han})/gu, '是不是')
    .replace(/咋个样/gu, '怎么样')
    // 看哈今天的统计, 等哈: 哈 for 下 in Sichuan.
    .replace(/(?<=^|[\s\p{P}])(看|等|查)哈(?=\p{Script=Han})/gu, '$1下')
    .replace(/(?<=做|干|整|搞|回|写|填|发|打|是)哪样/gu, '什么')
    // 接单回么: 么 closing after 回/写/填 is 什么 in Shandong.
    .replace(/(?<=[回写填])么(?=$|[\s\p{P}\p{S}])/gu, '什么')
    // 来单了俺该回嘛: 嘛 closing after 该回/要写… is 什么 in Xuzhou and Tianjin (再发嘛 keeps its particle).
    .replace(/(?<=(?:该|要|得)[回写填发])嘛(?=$|[\s\p{P}\p{S}])/gu, '什么')
    // 被骗了2个w: 2万; 看下我的 pls: the English courtesy is no word of the message; 我的todo list: 待办.
    .replace(/(\d)\s?个\s?(?=[wW万](?![A-Za-z]))/gu, '$1')
    // 损失3毛: 毛 and 角 are tenths of a yuan.
    .replace(/(?<![\d.零一二两三四五六七八九十百千万])([\d一二两三四五六七八九])\s?[毛角](?=钱|$|[\s\p{P}\p{S}])/gu, (_m, d: string) => `0.${/\d/u.test(d) ? d : '一二三四五六七八九'.indexOf(d.replace('两', '二')) + 1}元`)
    .replace(/\s*(?:pls|plz|please|thx|thanks)[\s!！.。]*$/iu, '')
    .replace(/to\s?-?do\s*(?:list)?/giu, '待办')
    // 已经带他去所里报警: the report made, the victim taken along.
    .replace(/(已经?(?:带|陪|领)(?:他|她|老人|家属)?(?:去|到)\p{Script=Han}{0,4}?报(?:警|案))(?!了)/gu, '$1了')
    // 在道上了: on the road, said in the north; 能干嘎, 嘎哈: 干啥.
    .replace(/在道上/gu, '在路上')
    .replace(/干嘎|嘎哈/gu, '干啥')
    // K7Q2 我跟周网格在现场, 我跟技术反馈了: 跟 a person is 和 (with, to), not 跟进.
    .replace(/([我俺])跟(?=\s?(?:[老小]\p{Script=Han}(?!人|伴)|\p{Script=Han}{1,3}(?:网格员?|社区|警官|督导|书记|主任|民警|同事)|技术|他们?|她们?|老人|家属|领导|上面|中心|分局|所里|物业|银行|厂家))/gu, '$1和')
    // 钱已经叫骗子弄走了: 叫/让 as 被, the money taken.
    .replace(/(?:叫|让|给)骗子(?:弄|骗|转|搞|卷)走/gu, '被骗走')
    // 楼长打过去了 等回话, 又打过去了 在响: a call made, not money sent (两万打过去了 still is).
    .replace(/打过去了/gu, (m, at: number, all: string) => (/[\d零一二两三四五六七八九十百千万钱款笔]/u.test(all.slice(Math.max(0, at - 6), at)) ? m : '打电话过去了'))
    // 还被骗子缠着: the scammer doing something to them, not 被骗.
    .replace(/被骗子(?=缠|盯|套|忽悠|洗脑|控制|纠缠|遥控|牵着|占|拖|缠住|骚扰|打|要|让|叫|逼|哄)/gu, '让骗子')
    // 租客被假房东骗了: the one who cheated named inside 被…骗.
    .replace(/被(?!骗)\p{Script=Han}{1,5}?骗(?=了|走|去)/gu, '被骗')
    // 我一接对方就挂了: the fraudster hung up on the worker; 老人已经把5万现金给了…: the money handed over.
    .replace(/[我俺]一接\p{Script=Han}{0,3}?挂了/gu, '骗子断了联系')
    .replace(/已经把\s?([\d零一二两三四五六七八九十百千万]+\s?[万千元块]?)\s?(?:现金|钱|存款|积蓄)?给了/gu, '已经给了钱 $1 ')
    // 老人家听我讲完已经挂了电话: the fraudster's call ended once the worker had spoken.
    .replace(/听(?:我|我们)?(?:讲|说|劝)完\p{Script=Han}{0,4}?挂(?:了|断了?|掉了?)?电话/gu, '断了骗子联系')
    // 一万五六, 三千五六: between two round figures, said as their middle (约15500).
    .replace(/([一二两三四五六七八九])([万千])([一二三四五六七八])([二三四五六七八九])(?![十百千万\d])/gu, (m, a: string, unit: string, b: string, c: string) => {
      const n = (x: string) => '一二三四五六七八九'.indexOf(x) + 1 || (x === '两' ? 2 : 0);
      const size = unit === '万' ? 10_000 : 1_000;
      return n(c) === n(b) + 1 ? `约${n(a) * size + ((n(b) + 0.5) * size) / 10}` : m;
    })
    // 把骗子电话挂了: the call with the fraudster cut, not the worker's call refused.
    .replace(/(?:把|跟)?骗子(?:的)?电话(?:给)?挂(?:了|断了?|掉了?)/gu, '断了骗子联系')
    // 陌生电话一律不接, 以后不接陌生来电: the lesson learnt, neither a call nor a refusal.
    .replace(/(?:陌生|不认识的?|陌生人的?)(?:电话|来电)(?:一律|都|再也|就|也)?不(?:接|听)了?|不(?:接|听)(?:陌生|不认识的?|陌生人的?)(?:电话|来电)/gu, '提防陌生人')
    // 暂时没进展: no news yet, told (not 进展 asked).
    .replace(/(?:暂时|还|目前|暂)(?:没有?|无|没啥)进展/gu, '还在办')
    // 骗子又来电话了 老人这回没接: the fraudster's call left unanswered, not the worker's.
    .replace(/骗子(?:又|再)?(?:来|打)(?:了)?(?:个)?电话(?:了)?(\s?[^\s，,。]{0,6}?)没接/gu, '骗子来电$1没理')
    // 等他挂了再说: a call still going on; 被骗没被骗: asked, not told.
    .replace(/等(?:他|她|老人)?(?:电话)?挂了/gu, '等他说完')
    .replace(/被骗没被骗|被骗了没被骗/gu, '是否被骗')
    // 人在不在家: asked, not nobody home.
    .replace(/在不在家/gu, '是否在家')
    // 我让他先挂了: the fraudster's call cut on the worker's word, not the worker's call refused.
    .replace(/(?:让|叫)(?:他|她|老人)(?:先|赶紧|马上)?挂(?:了|断了?|掉了?)?/gu, '让他断开')
    // 门卫不让进: the gate, not the person at risk, refusing.
    .replace(/(门卫|保安|物业|门岗|门房)(大爷|师傅|的人)?(?:不让|不给|不许)(?:我们?)?进(?:门|去|来|小区|楼)?/gu, '$1$2拦着')
    // 单元门锁着: the building's door, not the home's.
    .replace(/(单元门|楼道门|大门|小区门|铁门)锁着/gu, '$1关着')
    .replace(/(?<=\p{Script=Han})(?<![得好])嘞(?=$|[\s\p{P}\p{S}])/gu, '了');
}

/** Written Cantonese and other spoken forms, word for word into Mandarin, longest first (唔该 before 唔). */
const CANTONESE: readonly [RegExp, string][] = [
  [/唔该/gu, '谢谢'], [/唔使/gu, '不用'], [/唔好/gu, '不要'], [/系唔系/gu, '是不是'], [/系咪/gu, '是否'], [/有冇/gu, '有没有'],
  [/劝唔郁/gu, '劝不动'], [/拦低/gu, '拦下'], [/([劝拦])落嚟/gu, '$1下来'], [/差啲|差少少|差一丁点儿?|差一点点/gu, '差点'], [/呢(?=单|个|度|位|件|次|边)/gu, '这'], [/(?<=[\d一二两三四五六七八九十几半])皮(?=$|[\s\p{P}]|多|左右|几|蚊|银)/gu, '万'], [/冇人听/gu, '没人接'], [/搞掂/gu, '搞定'], [/拣错/gu, '选错'],
  [/点解/gu, '为什么'], [/点样/gu, '怎样'], [/(?<=^|[\s\p{P}\p{S}]|撤回|转派|反馈|宣传|数据|绑定|接单|督办|撤销|更正|我|你|要|该|又|到底|机器人|哨兵|助手|呢个|这个|APP|app)点(?=搞|报|转|用|弄|填|发|写|查|绑|回)/gu, '咋'], [/边个/gu, '谁'], [/边度/gu, '哪里'],
  [/而家|宜家/gu, '现在'], [/成万蚊/gu, '约一万元'], [/(?<=[\d一二两三四五六七八九十百千万])蚊/gu, '元'], [/几多/gu, '多少'], [/(?<![\d零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟])万五(?![千百十\d])/gu, '一万五'],
  [/(?<=\p{Script=Han})未(?=$|[\s\p{P}\p{S}])/gu, '了没'], [/仲(?!裁)/gu, '还'],
  [/(?<=[转用卖输洗])晒/gu, '完'], [/搞成点/gu, '搞得怎么样了'], [/咗/gu, '了'], [/冇/gu, '没'], [/(?<!唔)唔(?=\p{Script=Han})(?!唔)/gu, '不'], [/佢/gu, '他'], [/哋/gu, '们'], [/嘅/gu, '的'], [/喺/gu, '在'], [/嚟/gu, '来'],
  [/[俾畀]/gu, '给'], [/睇/gu, '看'], [/揾/gu, '找'], [/[咩乜]/gu, '啥'], [/(?<![联连关体干派世直谱院])系(?![统列数])/gu, '是'],
  [/屋企/gu, '家里'], [/啱啱/gu, '刚刚'], [/嗰/gu, '那'], [/(?<=\p{Script=Han})(?<![陪一共协会连如等不相赞合偕随认])同(?=啲|些|班|老人|街坊|居民|村民|大家|佢)/gu, '跟'], [/啲/gu, '些'], [/单张/gu, '传单'], [/隔篱/gu, '隔壁'], [/边一步/gu, '哪一步'], [/收线/gu, '挂了'], [/(?<=[他她我你们])话(?=[\s\p{Script=Han}])(?!题|费|筒|术)/gu, '说'], [/点(?=操作)/gu, '咋'],
  // Pinyin and speech-recognition slips: 马桑, 劝祖, 无人接厅, 被片, 首到, 全住了, 无报, 上们, 手到.
  [/马桑/gu, '马上'], [/以经|已经经/gu, '已经'], [/劝祖/gu, '劝阻'], [/接厅/gu, '接听'], [/被片/gu, '被骗'], [/首到|收道|手到/gu, '收到'], [/全住了/gu, '劝住了'],
  [/(?<![\p{Script=Han}])无报/gu, '误报'], [/上们/gu, '上门'], [/没得人/gu, '没有人'],
  // More candidates picked from the pinyin keyboard's list (train-mirror25.jsonl): each only where
  // the slip cannot be another word (帮住户, 跟正在, 借单车 stay as they are).
  [/shou\s?dao/giu, '收到'], [/fan\s?kui/giu, '反馈'], [/bang\s?ding/giu, '绑定'], [/帮定|绑顶|邦定/gu, '绑定'], [/绑定吗(?=是)/gu, '绑定码'],
  [/借单(?![据车子])/gu, '接单'], [/带办(?!公)/gu, '待办'], [/认务/gu, '任务'], [/案字/gu, '案子'], [/帮住(?!户)/gu, '帮助'], [/怎摸/gu, '怎么'], [/使用说名/gu, '使用说明'],
  [/毒办|督半/gu, '督办'], [/(?<=[我来])叮(?=一下|着|住|紧)/gu, '盯'], [/撤削/gu, '撤销'], [/[座做]废(?=\s*[A-Za-z0-9])/gu, '作废'], [/(?:跟|耕)正(?=\s*[A-Za-z0-9]|为)|更整/gu, '更正'],
  [/重半(?=\s*[A-Za-z0-9])/gu, '重办'], [/专派|转排(?=\s*[A-Za-z0-9])/gu, '转派'], [/近展/gu, '进展'], [/麽/gu, '么'], [/撤会(?!场)|彻回/gu, '撤回'],
  [/劝租(?![客户房])/gu, '劝阻'], [/劝阻成工/gu, '劝阻成功'], [/劝补动|劝不东/gu, '劝不动'], [/不配和/gu, '不配合'], [/报井/gu, '报警'], [/做废/gu, '作废'], [/抱警/gu, '报警'], [/站线/gu, '占线'], [/背骗/gu, '被骗'],
  [/炸骗/gu, '诈骗'], [/视屏/gu, '视频'], [/段信|短心/gu, '短信'], [/入护/gu, '入户'], [/(?<=[\s\p{P}A-Za-z0-9为是成改])五报/gu, '误报'],
  [/(?<=^|[\s\p{P}A-Za-z0-9]|是)[一以](?=劝阻|报警|出发|接单|被骗|转账|止付)/gu, '已'],
  // Hubei and Hunan: 么样 (怎么样), 么情况, 么子 (什么), 我克 (我去).
  [/(?<![怎什这那要多])么样(?=[说劝讲弄搞整做办])/gu, '怎么'], [/(?<![怎什这那要多])么样/gu, '怎么样'], [/一滴滴/gu, '一点点'], [/搞么事/gu, '干什么'], [/(?<![怎什这那要多])么回事/gu, '怎么回事'], [/(?<=[上下]午|今天|晚上|早上|明天|等下|待会)克(?=\p{Script=Han})/gu, '去'], [/么子/gu, '什么'], [/(?<![怎什这那要多])么(?=情况|事)/gu, '什么'], [/(?<=[我俺])克(?=看|瞅|了|一趟|$|\s)/gu, '去'],
  // Wu (Shanghai, Suzhou, Hangzhou): 劝住了伐 (吗), 好额 (好的), 劝牢 (劝住), 转脱 (转走), 钞票, 哪能 (怎么), 侬, 阿拉, 一眼眼.
  // More Wu: 弗 (不), 嘸 (没), 哉 closing (了), 我伲 (我们), 撤脱, 上半日/下半日, 辰光, 打了四只电话.
  [/弗(?!洛|兰|吉|雷|里|莱|朗)/gu, '不'], [/嘸/gu, '没'], [/(?<=\p{Script=Han})(?<![快善])哉(?=$|[\s\p{P}\p{S}])/gu, '了'], [/我伲/gu, '我们'], [/撤脱/gu, '撤掉'],
  [/上半日/gu, '上午'], [/下半日/gu, '下午'], [/辰光/gu, '时候'], [/(?<=[打拨]了?[\d一二两三四五六七八九十几]+)只(?=电话)/gu, '个'], [/俺们/gu, '我们'],
  [/(?<=\p{Script=Han})(?<![砍步征讨杀采北])伐(?=$|[\s\p{P}\p{S}])/gu, '吗'], [/(?<=[好是对])额(?=$|[\s\p{P}\p{S}])/gu, '的'], [/(?<=[劝拦看稳守])牢/gu, '住'],
  [/(?<=[转骗汇])脱/gu, '走'], [/错脱/gu, '错'], [/钞票/gu, '钱'], [/哪能/gu, '怎么'], [/侬/gu, '你'], [/阿拉/gu, '我们'], [/一眼眼/gu, '一点点'], [/覅/gu, '不要'],
  // Central Plains and Shaanxi: 额 and 俺 (我), 恁 (你), 老婆儿 (an old woman, not a wife), 嫑 (不要).
  [/(?<!\p{Script=Han})额(?=们|的|去|来|在|也|都|刚|马上|这就|今天|明天|现在|已经|看|到|把|给|跟|和)/gu, '我'], [/恁/gu, '你'], [/老婆儿/gu, '老太太'], [/嫑/gu, '不要'],
  // Hunan: 要得 and 好咯 alone (好的), 哒 (了), 冒 (没): 转哒, 装哒三十个, 劝住冒, 还冒反馈, 冒得人接, 冒转, 冒劝住, 冒被骗 (not 冒充, 感冒, 冒雨).
  [/(?<=\p{Script=Han})(?<![么嘀滴])哒(?=$|[\s\p{P}\p{S}]|[\d一二两三四五六七八九十几半])/gu, '了'],
  [/(?<=都|也|还)冒回(?![来家去])/gu, '没回复'], [/(?<!\p{Script=Han})(?:要得|好咯)(?=$|[\s\p{P}\p{S}])/gu, '好的'],
  [/(?<![感假])冒(?=得|有|人|反馈|接|转|劝|拦|被|回|听|$|[\s\p{P}\p{S}])|(?<=还|都|也)冒(?!充|险|雨|着|出|名|牌|领|烟|犯)/gu, '没'],
  // Gan (Nanchang, Ganzhou): 咯 closing (了) as in 我接咯, 收到咯; 么里 (什么).
  [/(?<=\p{Script=Han})咯(?=$|[\s\p{P}\p{S}])/gu, '了'], [/(?<![怎什这那要多])么里(?=情况|事|意思|用|格式|东西|时候|$|[\s\p{P}\p{S}])|(?<=[是做干搞有说讲])么里/gu, '什么'],
  // Shaanxi: 咧 (了), 么人 / 么有 (没), 撒 (啥), 嘹咋咧 (太好了), 额 (我) after a verb.
  [/嘹[咋扎]咧/gu, '太好了'], [/(?<!\p{Script=Han})咋咧/gu, '怎么了'], [/(?<=\p{Script=Han})咧(?!嘴|开)/gu, '了'], [/(?<![怎什这那要多])么(?=人|有)/gu, '没'],
  [/(?<=还有|干|弄|做|是)撒(?=$|[\s\p{P}\p{S}]|没|事|情况)/gu, '啥'], [/(?<=给|下|是|跟|让|叫|把|找)额(?=$|[\s\p{P}\p{S}]|的|们)/gu, '我'], [/(?<!\p{Script=Han})额(?=还|手|名|这|就|克|一)/gu, '我'],
  // Beijing: 您呐 and 您受累 (politeness only), 得嘞 (好的); Hunan 何解 (为什么).
  [/您呐|您受累/gu, ''], [/(?<!\p{Script=Han})得嘞/gu, '好的'], [/何解/gu, '为什么'],
  // Northwest (Gansu, Qinghai): 阿么 (怎么), 阿达 (哪里), 没麻达 (没问题); Minnan: 歹势 (politeness only),
  // 厝 (家), 阮 (我), 伊 (他/她) before what they do.
  [/阿么/gu, '怎么'], [/阿达(?!西)/gu, '哪里'], [/伊厝/gu, '他家'], [/[没么]麻达/gu, '没问题'], [/歹势/gu, ''], [/(?<=[到去回在伊])厝里?|厝里/gu, '家里'],
  // Min (Fuzhou, Putian) and Hainan: 无 (没有) in 无人接, 无转账, 钱无转; 有…无 (有没有), 超时了无 (了没); 我有去了 (我去了).
  [/无人(?=$|[\s\p{P}]|接(?!听)|应|在|开门)/gu, '没人'], [/无(?=转账|转钱|转过|被骗|损失|汇款|回应|回音|转(?:$|[\s\p{P}]))/gu, '没'], [/(?<=\p{Script=Han}了)无(?=$|[\s?？])/gu, '没'], [/有(\p{Script=Han}{1,4}?)无(?=$|[\s\p{P}])/gu, '有没有$1'], [/(?<=[我伊他她])有(?=去|来|到|打|讲|劝)/gu, ''],
  [/(?<!\p{Script=Han})阮(?=手头|手上|的|这边|今天|现在|也|都|马上|刚|来|去)/gu, '我'], [/(?<![\p{Script=Han}])伊(?=离|就|在|说|讲|家|去|不|没|已经|今天|住|是)/gu, '他'],
  // Sichuan and Chongqing: 啷个 (怎么), 莫人接 (没人接), 莫拦到, 莫遭 (没被骗), 遭骗 / 遭了三千 (被骗).
  [/啷个/gu, '怎么'], [/莫(?=人(?:接|应|开|在|理))/gu, '没'], [/莫拦[到住]/gu, '没拦住'], [/莫遭骗?/gu, '没被骗'], [/遭骗/gu, '被骗'], [/(?<![糟周])遭了?(?=\s*(?:[\d一二两三四五六七八九十几]|万把))/gu, '被骗了'],
  // Yunnan and Guizhou: 挨骗 (被骗), 咋个说 (怎么说), 家头 (家里), 整错 (弄错), 老倌 (老人), 瞧哈 and 发一哈 (看下, 发一下).
  [/挨骗/gu, '被骗'], [/屋头/gu, '家里'], [/哪样(?=用|搞|弄|整|办|操作)/gu, '怎么'], [/咋个(?=[说劝讲弄整搞办]|了)/gu, '怎么'], [/(?<=[到在回])家头|家头(?=没|有|[\s\p{P}])/gu, '家里'], [/整错/gu, '弄错'], [/老倌/gu, '老人'], [/瞧(?=[哈下一])/gu, '看'], [/(?<=[看瞅查等发])(一)?哈(?!哈)(?=[\p{Script=Han}A-Za-z0-9\s\p{P}]|$)/gu, '$1下'],
  // Jin (Inner Mongolia, Shanxi): 甚 (什么) in 甚情况, 干甚, 要回甚, 有甚没办完的 (not 甚至, 甚好, 甚多).
  [/甚么/gu, '什么'], [/甚(?=情况|事|时候|没|也|都|$|[\s\p{P}\p{S}])|(?<=[干做弄搞整回写填发是要有说])甚(?![至为少好多大微嚣佳远广])/gu, '什么'],
  // Jianghuai (Nanjing, Yangzhou): 阿 before a verb asks yes or no: 阿是, 阿有人接单, K7Q2 阿劝住了, 钱阿转出去了.
  [/(?<=^|[\s\p{P}A-Za-z0-9]|钱|人|他|她|你|家属)阿是(?!穴)/gu, '是不是'], [/(?<=^|[\s\p{P}A-Za-z0-9]|钱|人|他|她|你|家属)阿(?=有|劝|转|报|接|去|在|到|能|会|要|行|对|搞|弄|办|处理|联系|打|上门)/gu, '是不是'],
  // Tianjin: 介 (这) before what it points at: 介一班, 介老爷子 (not 介绍, 介意, 中介).
  [/(?<![中媒简])介(?=一|个|是|事|会儿|单|边|两|么|样|老|家|人|小)/gu, '这'],
  // Northeast: 嘎哈 (干啥) read before a closing 哈 is dropped as a particle (网格哨兵能嘎哈).
  [/干嘎|嘎哈/gu, '干啥'],
  [/屋里厢/gu, '家里'], [/(?<=[到去在回他她])屋里/gu, '家里'], [/莫得/gu, '没有'], [/(?<=[看瞅查等])哈(?=\p{Script=Han})/gu, '下'], [/今朝/gu, '今天'], [/明朝(?=[早上下晚再去来])/gu, '明天'], [/啥人/gu, '谁'], [/([上下])半天/gu, '$1午'],
];
const cantonese = (text: string) => CANTONESE.reduce((t, [from, to]) => t.replace(from, to), text);

/**
 * A message typed word by word, a space after nearly every word of one or two characters (voice
 * input, or Mandarin as a second language: 老人 钱 没有 转，劝 住 了), with those spaces closed up
 * between Chinese characters so words split apart are read as words. Ids, digits and ordinary
 * spacing between phrases stay as they are.
 * @example closeSpacedWords('反馈 W7DN 上门 了，老人 钱 没有 转，劝 住 了') // '反馈 W7DN 上门了，老人钱没有转，劝住了'
 */
function closeSpacedWords(raw: string): string {
  const words = raw.split(/[\s，,。；;！!？?]+/u).map((w) => w.replace(/[^\p{Script=Han}A-Za-z0-9]+$/u, '')).filter((w) => /^\p{Script=Han}+$/u.test(w));
  const short = words.filter((w) => [...w].length <= 2).length;
  // 嗯，好 收到: an interjection or a bare yes on its own is no sign of typing word by word.
  const single = words.filter((w) => [...w].length === 1 && !/^[嗯好对行哦噢喔哈啊呀是]$/u.test(w)).length;
  // 报警 了, 已经 劝阻: 了 never starts a word, nor does what follows 已经 stand apart from it.
  const glue = (t: string) => t.replace(/(?<=\p{Script=Han})[ \t\u3000]+(?=了[哈啊呀啦吧嘛哦]?(?!\p{Script=Han}))|(?<=已经|以经|(?<!\p{Script=Han})已)[ \t\u3000]+(?=\p{Script=Han})/gu, '');
  // 宣传 金台里 摆摊 80: an outreach log's fields are spaced on purpose.
  if (words.length < 3 || single < 2 || short / words.length < 0.7 || /^\s*宣传/u.test(raw)) return glue(raw);
  // A word of one character joins the words beside it (劝 住 了 → 劝住了, 老人 钱 没有 转 → 老人钱没有转),
  // and so does a count (老人 60 个 → 老人60个); two longer words keep their space (今天 红星村).
  return glue(
    raw
      .replace(/(?<=(?<!\p{Script=Han})\p{Script=Han})[ \t\u3000]+(?=\p{Script=Han})|(?<=\p{Script=Han})[ \t\u3000]+(?=\p{Script=Han}(?!\p{Script=Han}))/gu, '')
      .replace(/(?<=(?![零〇一二两三四五六七八九十百千万亿])\p{Script=Han})[ \t\u3000]+(?=\d+(?![\dA-Za-z]))/gu, '')
      .replace(/(?<=(?<![A-Za-z\d])\d+)[ \t\u3000]+(?=(?![零〇一二两三四五六七八九十百千万亿])\p{Script=Han})/gu, ''),
  );
}

/**
 * Question words that ask nothing: 怎么说都不行 (a complaint), 说不清转了多少 and 去看看是咋回事
 * (what is not known, or will be found out), 搞什么投资理财 (some kind of).
 */
function unasked(text: string): string {
  return text
    // 嗯哪 在路上了: 嗯哪 is yes in the northeast and Shandong, not where.
    .replace(/嗯哪(?=$|[\s\p{P}\p{S}])/gu, '嗯')
    // 是不是诈骗还不好说, 是不是误报 得看收款人: whether, not known yet; told, not asked.
    .replace(/(?:是不是|是否)(\p{Script=Han}{1,6}?)(?=\s*(?:还|也)?(?:不好说|说不好|不一定|难说|不确定|不清楚|得看|要看|还得看|还要看))/gu, '$1')
    // 收到 晓得在哪里: where it is, known, not asked.
    .replace(/(?<![不没])(?:晓得|知道)(?:是)?在?哪(?:里|儿|家|个)?(?![\s\S]*[吗？?])/gu, '')
    // 没怎么发传单: hardly, not how.
    .replace(/[没不]怎么/gu, '没')
    // 说啥也不听, 怎么劝都不听, 说什么事都不听, 说嘛也不听 (Tianjin): whatever is said, not asked.
    .replace(/(?:怎么|啥子?|什么|咋个?)(?:说|劝|讲|弄|整|搞|样|事|话)?(?:都|也)|(?<=[说讲劝])嘛(?:都|也)/gu, '')
    .replace(/[啥嘛]事(?:都|也)?没有|没[啥嘛]事|啥也没有/gu, '')
    // 有啥事可以找他, 算账比谁都精, 谁去的话拿根棍子, 以为出啥事了: anything, anyone, whoever; not asked.
    .replace(/有(?:啥|什么)事(?=可以|就|找|打|联系|叫|再)|比谁都|谁(?:去|过去|上门|路过)的话|以为(?:出了?)?(?:啥|什么)事了?/gu, '')
    .replace(/(?:说不清|不清楚|不知道|记不清|搞不清|[整弄搞闹]?不明白|不懂)\p{Script=Han}{0,4}?(?:多少|几|什么|啥)/gu, '')
    // 买啥‘内部理财’, 不交甚'违约金'了: some so-called product or fee, named, not asked.
    .replace(/(?:搞|弄|做|买|投|玩|交|付)了?(?:什么|啥子?)(?=[‘“「'"]?(?!去|呢|了|名堂|鬼)\p{Script=Han}{2})/gu, '')
    .replace(/(?:看看|看一下|看下|瞅瞅|问问|问一下|了解一下|了解下|瞧瞧|核实|确认)(?:是|到底是?)?(?:咋|怎么|什么|啥)(?:回事|情况)/gu, '')
    .replace(/没得(?=\p{Script=Han})/gu, '没有')
    // 我好像在哪见过: somewhere, not where asked.
    .replace(/(?:好像|似乎|应该)?在哪(?:儿|里)?(?:见过|看到过|听过)/gu, '')
    // 我晓得那个婆婆住哪: what the sender knows, not asked.
    .replace(/(?<=[我俺])(?:也|都)?(?:知道|晓得|清楚|记得|认得)\p{Script=Han}{0,6}?(?:住哪儿?|在哪儿?|住哪里|在哪里|是谁|怎么走|咋走)/gu, '')
    // 好 晓得是哪家 我去: which house, known to the sender.
    .replace(/(?:晓得|知道)是?哪(?:家|户|栋|个|里|儿)/gu, '')
    // 么子情况我去看看, 啥情况我去瞅瞅: what is going on, to be found out by going.
    .replace(/(?:啥|什么|咋)(?:回事|情况)\s?[我俺]?(?:先)?(?:去|过去)?(?:看看|看一下|瞅瞅|瞧瞧)/gu, '')
    // 老人住几楼我知道: where, known to the sender, said the other way round.
    .replace(/(?:住|在)(?:几楼|几号楼?|哪儿?|哪里|哪栋)\p{Script=Han}{0,2}?[我俺](?:也|都)?(?:知道|晓得|清楚|记得)/gu, '')
    // 家属…打到居委会来了 问是什么事: someone else asking what it is about, told.
    .replace(/(?<![请想我借试要先来下])问(?:是|他|她|我们)?(?:什么|啥)(?:事|情况)/gu, '')
    // 督导组刚问我U4GA现在什么情况: someone else's question to the sender, told.
    .replace(/(?<=\p{Script=Han})问我[^\s，,。]{0,12}?(?:什么|啥)情况/gu, '')
    // 阿姨打电话到中心 问是不是真的公安局: someone else's question, told.
    .replace(/(?<![请想我借试要先来下])问(?:我们?|他|她)?(?:是不是|是否|能不能|有没有|会不会|要不要|可不可以)\p{Script=Han}{0,10}/gu, '')
    // 我先打电话确认下人在不在家, 看看有没有人: what the sender will find out, not asked (核实下来是不是误报 asks).
    .replace(/(?:确认|核实|核对|看看|看一下|问问|问一下|问下|了解|打听)(?!一?下来)(?:一?下)?\p{Script=Han}{0,6}?(?:在不在|是不是|是否|有没有|能不能|会不会|要不要|还在不在)\p{Script=Han}{0,4}/gu, '')
    // 在问邻居她搬哪了, 正在打听人去哪了: what the sender is finding out, told.
    .replace(/(?:还在|正在|在)(?:问|打听)\p{Script=Han}{0,6}?(?:哪儿?|哪里)了?/gu, '')
    // 上午培训讲过怎么反馈了: how, taught already; 爱咋咋地: whatever, not asked.
    .replace(/(?:讲过|讲了|讲讲|教过|教了|说过)\p{Script=Han}{0,4}?(?:怎么|咋|如何)/gu, '')
    .replace(/爱咋咋地?|爱怎么怎么|想怎么\p{Script=Han}{1,2}?就怎么\p{Script=Han}{1,2}/gu, '')
    // 结果还是劝阻成功: "still", not "or".
    .replace(/(?<=结果|方式|仍然|依然)还是/gu, '是')
    // 找不着几号楼, 不知道是哪栋: what the sender cannot find, told.
    .replace(/(?:找不着|找不到|不知道|不清楚)(?:是)?(?:几号楼|哪栋|哪个楼|几楼|几单元|哪家|哪户)/gu, '')
    // 没接到什么电话: "any", told; 教他怎么转: someone else taught how.
    .replace(/(?:没|没有)(?=\p{Script=Han}{0,3}什么)/gu, '没').replace(/(?<=没\p{Script=Han}{0,3})什么/gu, '')
    .replace(/教(?:他|她|人|老人|对方)?(?:怎么|咋)/gu, '教')
    // 往什么安全账户转的: "some", told.
    .replace(/(?:往|转到|打到|进了|下了|加了)(?:什么|啥)(?=\p{Script=Han}{2})/gu, '往')
    // 坚持要交什么清关费, 非要买啥保健品, 买了双啥子量子鞋垫: "some kind of", told.
    .replace(/(?<=(?:要|去|在)(?:交|买|投|充|办)|(?:买|交|充|办|投)了[个双件套盒瓶台张种份箱]?|(?:下载|装|安装|点开|打开)个?)(?:什么|啥子|啥)(?=\p{Script=Han}{2})/gu, '')
    // 这让我上哪找去: nowhere to look, complained of.
    .replace(/上哪儿?(?:找|去找)去?/gu, '')
    // 说是啥养老金认证: "some sort of", told (说是啥 alone still asks).
    .replace(/说是(?:啥|什么)(?=\p{Script=Han}{2})/gu, '说是')
    // 说啥不听, 说啥都不信: no matter what, not asked; 不是啥养老金升级: "not some", not asked.
    .replace(/说(?:啥|什么)(?:也|都)?(?=不|没)/gu, '怎样都')
    .replace(/不是(?:啥|什么)(?=\p{Script=Han}{2})/gu, '不是')
    // E9PH我来盯 有啥事找我: whatever comes up, not a question.
    .replace(/有(?:啥|什么)(?:事|问题)(?:情)?(?:就)?(?:找我|叫我|喊我|打我电话|call我)(?:就行|就好)?/gu, '')
    // 收到 Q9JE 交给我嘛: 嘛 softening what the sender offers, not asking.
    .replace(/(?<=(?:交给|派给|给)我|我来|我去|(?:派给|交给|转给|改派给)\p{Script=Han}{1,4})嘛/gu, '')
    // 在路上了 莫催了嘛, 给我看下待办嘛: 嘛 closing a plea or a request, not asking.
    .replace(/(?<=(?:莫|别|不要|不用)\p{Script=Han}{1,3}|^\s*(?:给我|帮我)\p{Script=Han}{1,10})嘛(?=[\s\p{P}]*$)/gu, '')
    // 那个啥W8LQ, 差点就去做那个什么征信修复了: a filler, not a question.
    .replace(/那个啥|那啥(?=\s|\p{Script=Han}|[A-Za-z0-9])|那个什么(?=\p{Script=Han}{2})/gu, '')
    // 今天居然没几单: few, not how many.
    .replace(/没(?:有)?几(?=单|件|个|起|次)/gu, '不多')
    // U7BF 什么情况我也不清楚: what the sender does not know, not asked.
    .replace(/(?:什么|啥)(?:情况|事)\s*(?:我|俺)?也?不(?:清楚|知道|晓得)/gu, '')
    // 今天单子怎么这么多: an exclamation, not a question.
    .replace(/(?:怎么|咋)(?:这么|那么)(?:多|少|慢|快|难|累|忙|烦)/gu, '')
    // 谁来都不开门: whoever comes, not who.
    .replace(/谁(?:来|去|说|劝|打|问)?(?:都|也)(?=不|没|别|管不|拦不|劝不)/gu, '')
    // 家属在问能不能追回: someone else's question, told.
    .replace(/(?<=\p{Script=Han})(?:在|一直|还|都|也)问(?:我们?|咱们?)?(?:能不能|可不可以|会不会|要不要|是不是|有没有|怎么|多少|啥时候|什么时候)\p{Script=Han}{0,8}/gu, '');
}

/** Levenshtein distance, capped: we only care whether it is 0, 1 or more. */
function within1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const TWO_CHAR_KEYWORDS = new Set(Object.values(KEYWORDS).flat().filter((w) => /^\p{Script=Han}{2}$/u.test(w)));
const SPLIT_KEYWORD = /^(\p{Script=Han})[ \u3000]+(\p{Script=Han})(?=[\s\p{P}A-Za-z0-9]|$)/u;

const CN_ID_DIGIT: Record<string, string> = { 零: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** Letters, digits and digits said in Chinese, maybe one space apart, with a letter among them. */
const SPOKEN_ID = /(?<![A-Za-z0-9])(?=[^\s]*?[A-Za-z])(?:[A-Za-z0-9零一二两三四五六七八九] ?){3,7}[A-Za-z0-9零一二两三四五六七八九](?![A-Za-z0-9])/gu;

/**
 * Closes up a case id spelled out by voice input (Q 7 R T, Q七RT, K七Q二 → Q7RT, K7Q2) when the
 * result is one of the sender's open or visible cases; anything else is left as typed.
 * @example spokenIds('反馈Q七RT劝阻成功', { openCases: [q7rt], visibleCases: [] }) // '反馈Q7RT劝阻成功'
 */
function spokenIds(body: string, cases: { openCases: OpenCase[]; visibleCases: string[] }): string {
  const known = new Set([...cases.openCases.map((c) => c.id), ...cases.visibleCases]);
  if (known.size === 0) return body;
  return body.replace(SPOKEN_ID, (m) => {
    if (/^[A-Za-z0-9]+$/u.test(m)) return m;
    const chars = [...m.replace(/ /gu, '')].map((c) => CN_ID_DIGIT[c] ?? c.toUpperCase());
    // The longest front part that is a known case; the rest stays as typed.
    for (let n = chars.length; n >= 4; n--) {
      const id = chars.slice(0, n).join('');
      if (!known.has(id)) continue;
      let seen = 0;
      let cut = 0;
      while (seen < n) if (m[cut++] !== ' ') seen++;
      return `${id}${m.slice(cut)}`;
    }
    return m;
  });
}

/** Keywords whose next word is their case: 查, 反馈 and the leads' commands (not 收到: 收到 G1234次 is a train). */
const ID_AFTER = new Set(['query', 'report', 'supervise', 'cancel', 'reassign', 'reopen', 'correct']);

/** Case-id-shaped or near-miss ASCII words: 4 to 7 letters and digits with at least one digit. */
const NEAR_ID = /^(?=.*\d)[A-Za-z][A-Za-z0-9]{3,6}$/;

/** 取件码, 验证码是, 车牌号: what an id-shaped code right after it is the code of. */
const CODE_LABEL = /(?:取件码|提货码|验证码|密码|车牌号?|车次|航班号?|房号|房间号|工号|型号|订单号|快递单号|尾号|账号|门牌号?|楼号|wifi|WiFi|WIFI)\s*(?:是|为|[:：])?\s*$/u;

/** UHKX for UHK7: letters only, but one slip from one of the sender's open cases. */
const slipOnOwn = (word: string, open: OpenCase[]) => /^[A-Za-z]{4,7}$/.test(word) && open.some((c) => within1(c.id, word.toUpperCase()));

function weigh(typed: string, start: number, cases: { openCases: OpenCase[]; visibleCases: string[] }): IdEvidence {
  const up = typed.toUpperCase();
  if (cases.openCases.some((c) => c.id === up)) return { typed, id: up, how: 'own', start };
  if (cases.visibleCases.includes(up)) return { typed, id: up, how: 'visible', start };
  const near = cases.openCases.filter((c) => within1(c.id, up));
  if (near.length === 1) return { typed, id: near[0]!.id, how: 'typo', start };
  return { typed, id: up, how: 'unknown', start };
}

/**
 * Reads raw message text (a WeChat quote shape allowed) once, for every grammar. Never throws
 * on strings; `cases` gives the evidence for case ids; `blank` the kinds of unasserted spans to
 * read as if they were not there (questions are still judged on the whole text).
 * @example read('反馈 Q7RT 没劝住', { openCases: [], visibleCases: ['Q7RT'] }).negated // ['dissuaded']
 */
export function read(raw: string, cases: { openCases: OpenCase[]; visibleCases: string[]; members?: readonly { name: string }[] }, botName = '', blank: readonly Governed[] = []): Reading {
  const u = readUtterance(foldTraditional(raw), botName, cases.members?.map((m) => m.name));
  // Q 7 R T, Q七RT, K七Q二: a case id as voice input writes it, closed up when it is a case the sender has.
  u.body = spokenIds(u.body, cases);
  // 劝 住 了 老人 钱 没有 转: words typed one by one with spaces between them, closed up.
  u.body = closeSpacedWords(u.body);
  // [OK] and [强] are WeChat's 👌 and 👍 typed as text; other codes ([抱拳], [玫瑰]) say nothing.
  const coded = u.body.replace(EMOJI_CODE, (m) => (/^\[(?:OK|ok)\]$/u.test(m) ? '👌' : m === '[强]' ? '👍' : ' '.repeat(m.length)));
  // 督 办 X6CU, 帮 助: a two-character keyword split by a stray space at the start.
  // Dialect first, so thanks and particles in dialect (谢谢侬, 好额) are decoration like any other.
  const said = spellOut(blankAsides(cantonese(coded)))
    .trim()
    .replace(SPLIT_KEYWORD, (m, a: string, b: string) => (TWO_CHAR_KEYWORDS.has(a + b) ? a + b : m));
  const laughed = LAUGH.test(coded);
  const spans = governedSpans(said);
  // Blanking keeps positions, so tokens still point into the text as typed.
  u.body = blankSpans(said, spans, blank);
  const clean = blankPunctuation(u.body);
  const negated: Result[] = [];
  const ids: IdEvidence[] = [];
  const toks: Token[] = [];
  let dropped = false;
  for (const t of lex(clean)) {
    const before = clean.slice(Math.max(0, t.start - 3), t.start);
    const word: Token = { t: 'word', start: t.start, end: t.end, text: t.text };
    // 没有上当受骗: a denial (没有上当) runs straight into the result it denies; 没有被骗劝住了
    // (voice input, no comma) denies being defrauded and then asserts another result.
    const last = toks.at(-1);
    const afterDenial = last?.t === 'neutral' && last.end === t.start && t.t === 'result' && deniedBy(last.text) === t.result;
    const near = clean.slice(Math.max(0, t.start - 6), t.start).replace(/\s+/gu, '');
    if (t.t === 'result' && (NEGATION_BEFORE.test(before) || afterDenial || DENIED_CLAIM.test(near))) {
      negated.push(t.result);
      toks.push(word);
    } else if (t.t === 'kw' && ((t.kind === 'query' && t.text === '查' && /^\s*的/u.test(clean.slice(t.end))) || (t.kind === 'report' && (/^\s*(?:这块|这一块|方面|工作)/u.test(clean.slice(t.end)) || (/^\s*的(?!时候)/u.test(clean.slice(t.end)) && !/^\s*$/u.test(clean.slice(0, t.start))))))) {
      // 王社区刚才查的那单, 反馈这块 上门和电话要分清楚, 李网格反馈的 Q7RT: the word used of a thing, not the command.
      toks.push(word);
    } else if (t.t === 'kw' && t.kind === 'report' && /的\s*$/u.test(clean.slice(0, t.start)) && /^\s*(?:写|太|不|还|呢|怎么|有|里|中|上|要|得|都)/u.test(clean.slice(t.end))) {
      // M9FA 的反馈写得太简单了: the report as a thing talked about, not the command.
      toks.push(word);
    } else if (t.t === 'kw' && t.kind === 'query' && t.text === '查' && /[检排普巡抽审盘考调复]$/u.test(clean.slice(0, t.start))) {
      // 检查组的车也在, 排查: 查 inside a word of its own asks nothing.
      toks.push(word);
    } else if (t.t === 'kw' && t.text === '换' && /^(?:个|一个|张|部|把)?(?:手机|号码|号|卡|地方|时间|衣服|鞋|锁|门)/u.test(clean.slice(t.end))) {
      // 给老太太换个手机号: something else changed, not the person on the case.
      toks.push(word);
    } else if (t.t === 'result' && t.result === 'unreachable' && /(?:不好意思|抱歉|我的?)\s*(?:手机)?\p{Script=Han}{0,2}$/u.test(clean.slice(Math.max(0, t.start - 8), t.start)) && /^(?:了)?\s*(?:刚|才|现在)?(?:开机|充上电|有信号)/u.test(clean.slice(t.end))) {
      // 不好意思手机冻关机了刚开机: the sender's own phone, back on.
      toks.push(word);
    } else if (t.t === 'result' && t.result === 'defrauded' && /^打过去/u.test(t.text) && (/(?:电话|视频|微信)\s*(?:已经|已|也|都|先|我先|刚|刚刚)?\s*$/u.test(clean.slice(Math.max(0, t.start - 6), t.start)) || /^\s*(?:了)?\s*(?:关机|没人接|不接|没接|占线|停机|空号|打不通|没通)/u.test(clean.slice(t.end)))) {
      // 电话已经打过去了: the call made, not money sent.
      toks.push(word);
    } else if (t.t === 'result' && (t.result === 'unreachable' || t.result === 'refused') && /^\s*(?:的话)?\s*[我俺]?就(?:上门|过去|去|直接)/u.test(clean.slice(t.end)) && /先|要是|如果|万一/u.test(clean.slice(0, t.start))) {
      // 先打电话 没接我就上门: a failed call supposed, and what the sender will do then.
      toks.push(word);
    } else if (t.t === 'result' && /^不接/u.test(t.text) && /(?:先|暂|暂时|我|俺)\s*$/u.test(before)) {
      // Q7RT 先不接, 我不接: declining the case, not a call nobody answered.
      toks.push(word);
    } else if (t.t === 'result' && t.result === 'reported' && /(?<![所警官方局察])(?:正在|还在|在)\s*$/u.test(clean.slice(Math.max(0, t.start - 4), t.start)) && /笔录|登记|立案/u.test(t.text)) {
      // 快了快了 在做笔录: the report to the police still being made (派出所在做笔录 has it made).
      toks.push(word);
    } else if (t.t === 'result' && t.result === 'dissuaded' && /(?:快|快要|就快|眼看就要?)\s*$/u.test(before)) {
      // W2MX 还在聊 快劝住了: nearly, not yet.
      toks.push(word);
    } else if (t.t === 'result' && /^[没未]/u.test(t.text) && NOT_YET.test(before)) {
      // 还没劝住: still under way, neither dissuaded nor refused.
      toks.push(word);
    } else if ((t.t === 'kw' && t.kind === 'ack') || t.t === 'weak') {
      // 我去不了: not on the way at all.
      // 我先接孩子: 接 with an object of its own takes something else.
      // 这周我接了9单: cases counted, not one taken.
      const otherObject = (/接了?$/u.test(t.text) && /^了?\s?(?:\d+|[两三四五六七八九十几多]+|[一二两三四五六七八九十]{2,})\s?(?:单|件|个|起)/u.test(clean.slice(t.end))) || (/接$/u.test(t.text) && /^\p{Script=Han}/u.test(clean.slice(t.end)) && !/^[单了手下到过来着吧啦]/u.test(clean.slice(t.end))) || (/去$/u.test(t.text) && errand(clean.slice(t.end))) || (/^我来$/u.test(t.text) && /^(?:写|整理|汇总|做|弄|发|问|说|讲|拍|准备|订|买|算|统计|过(?!问))/u.test(clean.slice(t.end)));
      // 收到的短信: 收到 describing a noun, not acknowledging; 老人手机刚收到个验证码: received, with its object.
      const attributive = t.t === 'kw' && ((/^的/u.test(clean.slice(t.end)) && !/了$/u.test(t.text)) || (/^收到/u.test(t.text) && /^了?(?:个|一个|一条|条|一笔|笔|一封|封|张|一张)(?!一个|个)\p{Script=Han}/u.test(clean.slice(t.end))) || (/^收到/u.test(t.text) && /^了?(?:验证码|短信|电话|快递|包裹|红包|转账|链接|邮件|传票|通知书|信息费)/u.test(clean.slice(t.end))));
      // 分局已接手, 民警已经到了: someone else took it, not the sender.
      const someoneElse = /(?:分局|派出所|民警|警察|公安|刑侦|他们|别人|同事|银行)\s?(?:已经?|也|都)?$/u.test(clean.slice(Math.max(0, t.start - 5), t.start));
      // 受到影响, 老人受到惊吓: the homophone with an object, or after a subject, is the verb.
      // 中午, 行李, 好多人: a one-character 好/行/中/嗯 that starts a longer word says nothing.
      const partOfWord = t.t === 'weak' && [...t.text].length === 1 && /^\p{Script=Han}/u.test(t.text) && /^[\p{Script=Han}](?<![的了吧啊呀嘞哒滴嘛呢哈])/u.test(clean.slice(t.end));
      const misheard = t.t === 'kw' && MISHEARD_ACK.has(t.text) && (/^\s?(?!马上|这就|立刻|好的|受到|收到)\p{Script=Han}/u.test(clean.slice(t.end)) || /\p{Script=Han}$/u.test(clean.slice(0, t.start)));
      toks.push(NEGATION_BEFORE.test(before) || COMMAND_NOT.test(before) || UNDONE.test(clean.slice(t.end)) || otherObject || attributive || misheard || partOfWord || someoneElse ? word : t);
    } else if (t.t === 'kw' && CALLED_OFF.has(t.kind) && !(t.text === '换' && /没$/u.test(clean.slice(0, t.start)) && !/^(?:人|个人|一个人|成|给|到)/u.test(clean.slice(t.end))) && (calledOff(clean.slice(Math.max(0, t.start - 4), t.start).replace(/\s+/gu, '')) || DROPPED.test(clean.slice(t.end)))) {
      // (鞋都没换: 没 before a bare 换 is something not changed, not a command called off.)
      dropped = true;
      toks.push(word);
    } else if (t.t === 'id' || (t.t === 'word' && (NEAR_ID.test(t.text) || slipOnOwn(t.text, cases.openCases)))) {
      // 京N7K29 is a licence plate, not a case; 装APP35个 is a count glued to APP.
      // 取件码Q7R1, 验证码是P6NV, 尾号 T9KF: a code of something else, named so, is never a case.
      if (PLATE_PREFIXES.includes(clean[t.start - 1] ?? ' ') || /^app\d+$/iu.test(t.text) || CODE_LABEL.test(clean.slice(Math.max(0, t.start - 8), t.start))) toks.push(word);
      else {
        const e = weigh(t.text, t.start, cases);
        // 督办 M4VB, 撤销 M4VB 重复推送: right after a command keyword an id-shaped word is the
        // case meant, even one that cannot exist, so the sender hears it was not found.
        // 查下 J7PZ, 督办一下 M4VB: a filler between them changes nothing.
        const prev = [...toks].reverse().find((x) => x.t !== 'filler');
        // 收到 P8HY, 接单 Q7RI: after a firm acknowledgement too.
        const commanded = prev?.t === 'kw' && (ID_AFTER.has(prev.kind) || (prev.kind === 'ack' && STRONG_ACK.includes(prev.text))) && NEAR_ID.test(t.text);
        // 查查G1571几点到北京西, 坐MU5735回来: a train or flight number that is no case of the sender's.
        const travel = e.how === 'unknown' && /^[A-Za-z]{1,2}\d{3,4}$/u.test(t.text) && (/^\s*(?:次|几点|发车|晚点|停运|的票|车票|机票|检票|进站|落地|起飞|到站|的座位|的车厢|的航班)/u.test(clean.slice(t.end)) || /(?:坐|乘|搭|买了?|订了?|改签|高铁|动车|火车|航班|飞机)\s*$/u.test(clean.slice(Math.max(0, t.start - 4), t.start)));
        // 收到 B2C4那栋二楼, P6MX那台复印机又卡纸了, C2MV那个柜子: a building, a machine or a locker named
        // by a code that is no case (one slip from the sender's own is still no case here).
        const thing = (e.how === 'unknown' || e.how === 'typo') && /^\s*(?:那|这)?(?:栋|幢|台|个?柜子?|号柜|个?验证码|号?楼(?!下)|座(?!机)|单元|号?房间?|会议室|辆|部(?!门))/u.test(clean.slice(t.end));
        if (travel || thing) toks.push({ t: 'word', start: t.start, end: t.end, text: t.text });
        else if (t.t === 'word' && e.how === 'unknown' && !commanded) toks.push(t);
        else {
          ids.push(e);
          toks.push({ t: 'id', id: e.id, start: t.start, end: t.end, text: t.text });
        }
      }
    } else {
      // 没被骗, 未上当: a denial of its own, so 没被骗 但是钱已经转走了 is asked about.
      if (t.t === 'neutral' && /^(?:未|没有?|不是|非)(?:被骗|受骗|上当)/u.test(t.text)) negated.push('defrauded');
      toks.push(t);
    }
  }
  // M6PS 反馈填错了 应该是已报警: the report named as what was wrong is the object of the correction.
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i]!;
    if (a.t !== 'kw' || a.kind !== 'report') continue;
    const b = toks.find((x) => x.start >= a.end && x.t === 'kw' && x.kind === 'correct');
    if (b && /^\s*(?:的时候|时|的)?\s*$/u.test(clean.slice(a.end, b.start))) toks[i] = { t: 'word', start: a.start, end: a.end, text: a.text };
  }
  // H8MA 我接了, J7PZ 查下: a short command led by an id-shaped word is about that case, even one
  // that cannot exist, so the sender hears it was not found.
  const lead = toks[0];
  const next = toks.slice(1).find((x) => x.t !== 'filler' && !(x.t === 'word' && /^[我俺]$/u.test(x.text)));
  if (lead?.t === 'word' && NEAR_ID.test(lead.text) && /^[A-Za-z]{1,2}\d|^\p{Lu}/u.test(lead.text) && next?.t === 'kw' && (ID_AFTER.has(next.kind) || next.kind === 'ack') && [...clean.replace(/\s+/gu, '')].length <= 10 && !PLATE_PREFIXES.includes(clean[lead.start - 1] ?? ' ')) {
    const e = weigh(lead.text, lead.start, cases);
    ids.push(e);
    toks[0] = { t: 'id', id: e.id, start: lead.start, end: lead.end, text: lead.text };
  }
  const asked = unasked(said);
  const whole = blankPunctuation(asked).trim();
  // 不对不对 是劝阻成功: a denial said twice, closing its clause, is no 对不对 asked.
  const denialsOut = whole.replace(/(?<=^|\s)(不对|不是)\1+(?=\s|$)/gu, ' ');
  const question = QUESTION.test(asked) || QUESTION_END.test(whole) || SHAPES.test(whole) || A_NOT_A.test(denialsOut) || CLAUSE_ASKS.test(whole);
  // 等着呢, 在卡里呢, 骑着三轮呢: a state described, not asked.
  // 好的呢, 嗯呢, 是的呢: an agreeing word softened, asking nothing.
  // 民警做笔录呢, 老爷子给他大孙子买电脑呢: someone at something, told; 老人呢, 他呢 still ask.
  const softQuestion = !question && SOFT.test(asked.replace(/(?:(?<=[转骗失了有差共计是])\s*[\d一二两三四五六七八九十百千万]+(?:块|元|万|千)?|[\d一二两三四五六七八九十百千万]+(?:块|元|万|千))呢(?=[\s\p{P}\p{S}]|$)|(?:打车|开车|骑车|坐车|走着|走路|等车|穿\p{Script=Han}{1,3}|换衣服|下楼|出门|赶路|爬楼|上楼)呢(?=[\s\p{P}\p{S}]|$)|(?<=^|[\s\p{P}])(?:民警|警察|家属|老人|老爷子|老太太|老头|大爷|大妈|阿姨|他|她|对方|银行)(?!人|那|这|的)\p{Script=Han}{2,10}呢(?=[\s\p{P}\p{S}]|$)|(?:着\p{Script=Han}{0,3}|里|了[^\s，,。]{0,6}[个人份]|在[\p{Script=Han}\d]{0,10}|(?:刚|(?<![更改纠修真公反])正|搁)[\p{Script=Han}\d]{1,6})呢(?=[\s\p{P}\p{S}]|$)/gu, '').replace(/(?<=(?:^|[\s\p{P}])(?:好的?|嗯|是的?|对的?|行|可以|得))呢(?=[\s\p{P}\p{S}]|$)/gu, ''));
  const others = u.mentions.filter((m) => m !== botName).map((m) => m.replace(/[\p{P}\p{S}]+$/u, ''));
  // 无报: 误报 as voice input writes it, or "nothing to report"; asked first unless a reason follows.
  const slip = /(?<!\p{Script=Han})无报(?!\s*[，,]?\s*(?:是|因为|属于|他|她|老人|家属|人家|正常))/u.test(raw);
  const personFirst = /^\s*@/u.test(raw) && (botName === '' || !raw.trim().startsWith(`@${botName}`)) && others.length > 0;
  // 把N2XE转给@吴网格 小陈手上单子太多了: the mention the hand-over points at, not a name said after it.
  const handed = /(?:转派给|改派给|转派|改派|转给|交给|派给|转|派|给)\s*@([^\s@]+)/u.exec(raw)?.[1]?.replace(/[\p{P}\p{S}]+$/u, '');
  const handedTo = handed !== undefined && others.includes(handed) ? handed : undefined;
  return { body: u.body, clean, toks, negated, others, mentionsBot: botName !== '' && u.mentions.includes(botName), question, softQuestion, ids, calledOff: dropped, laughed, governed: [...new Set(spans.map((x) => x.kind))], ...(slip ? { slip } : {}), ...(personFirst ? { personFirst } : {}), ...(handedTo ? { handedTo } : {}) };
}
