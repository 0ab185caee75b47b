/**
 * One understanding step (STYLE.md "One understanding step"): a chat message and a
 * plain context in, one decision out: act, confirm first, refuse with an example, or ignore.
 * Every grammar is read here: confirmations, outreach, help, binding and case commands.
 * Pure and total: it never throws and never reads the clock.
 */
import { CONFIRM_NO, CONFIRM_YES, SOCIAL, TAKEN_BACK } from '../case-words.js';
import { describeOutreach } from '../outreach.js';
import type { OutreachLog, RoughFigures } from '../outreach-log.js';
import { KEYWORD as OUTREACH_KEYWORD } from '../outreach-words.js';
import { conversationReplies, understandReplies as say } from '../understand-replies.js';
import { decideCase } from './case-commands.js';
import { decideDuty } from './duty-commands.js';
import { atHead, isAddressed } from './evidence.js';
import { guard } from './guard.js';
import { promptFor } from './prompts.js';
import { readOutreach } from './outreach-sentence.js';
import { read, type Reading } from './read.js';
import type { Governed } from './scope.js';
import { STATE_CHANGING, type Decision, type UnderstandContext, type UnderstoodCommand } from './types.js';

export type { Decision, OpenCase, QuoteContext, RefuseReason, RoomKind, UnderstandContext, UnderstoodCommand } from './types.js';
export { STATE_CHANGING } from './types.js';

const IGNORE: Decision = { kind: 'ignore' };
const WITHDRAW = new Set(['撤回', '撤回宣传', '撤回上一条', '撤销宣传', '撤销上一条', '撤回登记', '撤回刚才的', '刚才的撤回']);
const compact = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();

/** Fills what a caller may have left out, so a partial context never throws. */
function complete(ctx: Partial<UnderstandContext> | null | undefined): UnderstandContext {
  const c = ctx ?? {};
  return {
    role: c.role ?? 'stranger',
    ...(c.unit !== undefined ? { unit: c.unit } : {}),
    room: c.room ?? 'private',
    mention: c.mention === true,
    openCases: Array.isArray(c.openCases) ? c.openCases : [],
    visibleCases: Array.isArray(c.visibleCases) ? c.visibleCases : [],
    quote: c.quote ?? null,
    pushIsLatest: c.pushIsLatest === true,
    pendingConfirmation: c.pendingConfirmation === true,
    botName: typeof c.botName === 'string' ? c.botName : '',
    ...(c.pendingSwap === true ? { pendingSwap: true } : {}),
    ...(Array.isArray(c.members) ? { members: c.members.filter((m) => typeof m?.name === 'string' && m.name !== '') } : {}),
  };
}

/**
 * Understands one chat message in its context. The text may carry WeChat's quote shape; the
 * quoted message itself is described by `context.quote`, which core builds.
 * @example understand('反馈 Q7RT 没劝住，钱已经转出去了', ctx)
 *   // { kind: 'act', command: { kind: 'report', caseId: 'Q7RT', result: 'defrauded', ... } }
 * @example understand('Q7RT 劝住了吗', leadCtx) // { kind: 'act', command: { kind: 'query', caseId: 'Q7RT' } }
 */
export function understand(text: string, context: UnderstandContext): Decision {
  const ctx = complete(context);
  try {
    return decide(typeof text === 'string' ? text : '', ctx);
  } catch {
    // A bug here must not take the chat down; an addressed sender still gets an answer.
    return ctx.room === 'private' || ctx.mention ? { kind: 'refuse', reason: 'not_understood', example: '帮助' } : IGNORE;
  }
}

function decide(text: string, ctx: UnderstandContext): Decision {
  const r = read(text, ctx, ctx.botName);
  // 值班, 请假, 批准, 换班: their own words, never a case's state (issue 16).
  const duty = ctx.role === 'stranger' ? null : decideDuty(r, ctx, text);
  if (duty) return duty;
  const d = decideRead(r, text, ctx);
  // 天呐 又是冒充公检法的, 太好了 没被骗就好 on the bot's message: a refusal would answer a remark made
  // to people; a command begun with its keyword (撤销 重复推送) is still answered.
  if (d.kind === 'refuse' && (d.reason === 'not_understood' || d.reason === 'missing_result') && ctx.quote?.from === 'bot' && !ctx.mention && !r.mentionsBot && ctx.room !== 'private' && !keywordFirst(r)) return IGNORE;
  // @周网格 K7Q2 抓紧反馈 区里要看: a command that cannot be carried out, said to the person named
  // first, is theirs to act on; the bot does not answer it.
  if (d.kind === 'refuse' && r.personFirst === true && !ctx.mention && !r.mentionsBot && ctx.room !== 'private') return IGNORE;
  // X6CU这单如果要转派 记得跟原来的网格员交接清楚: a command only supposed, in the group, is no request to answer.
  if (d.kind === 'refuse' && (d.reason === 'unknown_member' || d.reason === 'missing_target' || d.reason === 'missing_result') && r.governed.includes('suppose') && !r.question && !ctx.mention && !r.mentionsBot && ctx.room !== 'private') return IGNORE;
  // 家属说钱已经转了 我再核实一下 先别报: the sender holds the outcome back.
  if (changesState(d) && !ctx.pendingConfirmation && HELD_BACK.test(r.clean)) return IGNORE;
  // 在路上呢, 劝住了没: maybe a question, maybe not; either way nothing changes.
  if (r.softQuestion && changesState(d) && !softOnlyAfter(r)) return IGNORE;
  // 今天在呼家楼公园宣传反诈 …有个大爷还说…: someone's words told inside one's own log.
  const ownLog = (d.kind === 'act' || d.kind === 'confirm') && d.command.kind === 'outreach' && r.governed.every((g) => g === 'reported');
  if (!changesState(d) || r.governed.length === 0 || ownLog) return guard(d, r, ctx);
  return unasserted(d, r, text, ctx);
}

/** 反馈 Q7RT 劝住了，钱还在卡里呢: the command's own clause asks nothing; a later one trails off. */
const softOnlyAfter = (r: Reading) => {
  const [first, ...rest] = r.body.split(/[，,。；;！!\s]+/u);
  // The later 呢 must close a clause that describes a state (钱还在卡里呢), not stand anywhere
  // (…！呢收到) or close an ask (…，收到呢).
  // So does a clause long enough to tell what someone is doing (老人给儿子交暖气费呢, 派出所做笔录呢)
  // and asking nothing; a short one asks (结果呢, 钱呢).
  const told = (c: string) => (c.match(/(?!呢)\p{Script=Han}/gu) ?? []).length >= 6 && !/什么|啥|谁|哪|怎|几|多少|吗|没/u.test(c);
  const trailsOff = rest.every((c) => !/呢/u.test(c) || (/\p{Script=Han}呢\s*$/u.test(c) && (/还|在|着|正/u.test(c) || told(c))));
  return rest.length > 0 && trailsOff && !/呢/u.test(first ?? '') && r.toks.some((t) => t.t === 'kw' && t.kind === 'report' && t.end <= (first ?? '').length);
};

/** 先别报, 先不记, 等我核实: an outcome held back by its sender (not 先别报警). */
const HELD_BACK = /(?:先别|先不|暂时?不|先不要|先别急着)(?:报|记|反馈|登记|上报)(?![警案])|(?:等(?:我)?)?核实(?:完|好|清楚|一下)?(?:了)?再(?:报|记|反馈)/u;
/** A volunteer's own outreach logs asked for: 我的宣传记录, 我报过几次宣传了, 看看我的宣传登记, 我的记录. */
const MY_OUTREACH = /^(?:给我)?(?:看看|看下|查查|查一下|看一下|帮我看看)?我(?:本月|这个月|这月|今天|本周|这周)?的(?:宣传)?(?:记录|登记|台账|数据)(?:$|呢|吗|在哪|发我|给我|看看)|^(?:给我)?(?:看看|看下|查查|查下|查一下|看一下|帮我看看)?我(?:本月|这个月|这月|本周|这周)?的宣传$|我\p{Script=Han}{0,4}?(?:报|登记|参加|做|宣传)(?:过|了)?(?:几次|多少次|几回|几条|几场)|我(?:报|登记)过?的(?:那些|几次)?宣传|我登记过的宣传|宣传(?:登记|记录)(?:有几条|有多少)|我(?:今天|刚才|刚刚)?(?:的)?(?:登记|宣传)?(?:登记上|报上|登上)了?(?:吗|没|没有)|我报的(?:都有啥|都有哪些|有哪些|有啥)/u;
/** The message begins with a command keyword (撤销, 反馈, 督办). */
const keywordFirst = (r: Reading) => r.toks.find((x) => x.t !== 'particle' && x.t !== 'filler')?.t === 'kw';
const changesState = (d: Decision) => (d.kind === 'act' || d.kind === 'confirm') && STATE_CHANGING.has(d.command.kind);
/** The same command, a free-text reason aside (重办 K7Q2，家属说还在转钱 without what the family said is still 重办 K7Q2). */
/** 劝阻成功，老人说以后陌生电话一律不接: a method named only in someone else's words is not how it was done either. */
const sameCommand = (a: Decision, b: Decision) => {
  if (!(a.kind === 'act' || a.kind === 'confirm') || !(b.kind === 'act' || b.kind === 'confirm')) return false;
  const unspoken = (c: UnderstoodCommand, other: UnderstoodCommand) => ({ ...c, reason: '', ...('method' in c && 'method' in other && other.method === null ? { method: null } : {}) });
  return JSON.stringify(unspoken(a.command, b.command)) === JSON.stringify(unspoken(b.command, a.command));
};

/**
 * A state change read from a message with unasserted spans (understand/scope.ts): read again
 * without suppositions, unreal outcomes and plans, which never change state (如果被骗了就报警,
 * 差点上当，已拦下, 等会过去); then without reported or unsure words (他说已经转了, 好像被骗了):
 * when the command needs them, the sender is asked first.
 */
function unasserted(d: Decision, r: Reading, text: string, ctx: UnderstandContext): Decision {
  return askIfTakenBack(readAsserted(d, r, text, ctx), r);
}

/** An outcome the sender takes back in the same message is asked about, never recorded as said. */
function askIfTakenBack(d: Decision, r: Reading): Decision {
  if (d.kind !== 'act' || (d.command.kind !== 'report' && d.command.kind !== 'correct') || !TAKEN_BACK.test(r.body)) return d;
  return { kind: 'confirm', command: d.command, prompt: promptFor(d.command) };
}

function readAsserted(d: Decision, r: Reading, text: string, ctx: UnderstandContext): Decision {
  const held = r.governed.filter((k): k is Exclude<Governed, 'reported'> => k !== 'reported');
  let base = d;
  let rb = r;
  if (held.length > 0) {
    rb = read(text, ctx, ctx.botName, held);
    base = decideRead(rb, text, ctx);
    if (!changesState(base)) return guard(base, rb, ctx);
  }
  if (!r.governed.includes('reported')) return guard(base, rb, ctx);
  const rl = read(text, ctx, ctx.botName, [...held, 'reported']);
  const live = decideRead(rl, text, ctx);
  // The command stands on the sender's own words (劝阻成功，老人说以后不接陌生电话了).
  // 劝住了 不过好像本来就是误报: another result, only supposed, beside the one asserted: still asked.
  const resultsIn = (x: Reading) => x.toks.filter((t) => t.t === 'result').length;
  const otherResultHedged = base.kind === 'confirm' && live.kind === 'act' && resultsIn(rl) < resultsIn(rb) && /好像|可能|也许|似乎|估计|怀疑|觉得|感觉|疑似/u.test(r.body);
  // 反馈 J6PN 被骗 老人说转了99亿: a sum past belief in someone's words is still asked about.
  const sumAsked = base.kind === 'confirm' && live.kind === 'act' && /[\d零一二两三四五六七八九十百千万]\s?亿/u.test(r.body);
  if (changesState(live) && sameCommand(live, base) && (live.kind === 'act' || live.kind === 'confirm') && !otherResultHedged && !sumAsked) {
    // Read as asserted, kept with the whole reason (重办 K7Q2，家属说还在转钱), and the method the sender named.
    const command = { ...(base as typeof live).command, ...('method' in live.command ? { method: live.command.method } : {}) } as UnderstoodCommand;
    return guard(live.kind === 'act' ? { kind: 'act', command } : live, rl, ctx);
  }
  const checked = guard(base, rb, ctx);
  // 赵督导说 X6CU 要督办 大家上点心: someone else's words relayed to the group are for the group.
  const toBot = ctx.room === 'private' || ctx.mention || rb.mentionsBot || ctx.quote?.from === 'bot' || ctx.pushIsLatest || rb.ids.some((e) => e.how === 'own');
  if (checked.kind === 'confirm' || (checked.kind === 'act' && !toBot)) return toBot ? checked : IGNORE;
  if (checked.kind !== 'act') return checked;
  return { kind: 'confirm', command: checked.command, prompt: promptFor(checked.command) };
}

function decideRead(r: Reading, text: string, ctx: UnderstandContext): Decision {
  const addressed = isAddressed(ctx, r);
  const word = compact(r.body);
  // 不对不对 answering the bot's question is a denial said twice, not 对不对 asked.
  const deniedTwice = /^[12]?(?:不对|不是){2,}$/u.test(word);
  if (ctx.pendingConfirmation && (!r.question || deniedTwice) && !r.softQuestion) {
    const answer = answerTo(r.body, word);
    if (answer) return { kind: 'act', command: { kind: answer } };
  }
  // [链接]健身房跑路了怎么办？一文看懂…: a forwarded link, file or chat record; its title asks nothing of the bot.
  if (!addressed && /^\s*\[(?:链接|文件|聊天记录|小程序|公众号|视频号|音乐)\]/u.test(text)) return IGNORE;
  // @网格哨兵 alone asks what the bot does; [图片], [抱拳], an emoji alone say nothing to answer.
  const onlyDecoration = text.replace(/@\S+/gu, '').trim() !== '';
  if (r.toks.length === 0) return onlyDecoration ? IGNORE : addressed && !r.question ? { kind: 'act', command: { kind: 'help' } } : addressed ? { kind: 'refuse', reason: 'not_understood', example: '帮助' } : IGNORE;
  if (/^[12]$/.test(word)) return IGNORE;
  if (ctx.role === 'stranger') return stranger(text, ctx);

  // 我的宣传记录, 我报过几次宣传了, 我的记录: a volunteer asking for their own logs (我的).
  if (ctx.role === 'volunteer' && r.ids.length === 0 && r.others.length === 0 && !/\d|[一二两三四五六七八九十百]+(?:人|个|份|张)/u.test(word) && MY_OUTREACH.test(word)) return { kind: 'act', command: { kind: 'mine' } };
  const outreachPlace = ctx.role === 'volunteer' || ctx.room === 'volunteers' || ctx.room === 'private';
  // 刚才那条宣传记录撤回一下: 撤回 of a log, wherever it stands.
  // 已经撤回了, 撤回了撤回了 刚才发错群, 那条发错了 撤回了 是发给我老公的: a WeChat recall told as done, not a request.
  // 撤回消息只有两分钟: WeChat's recall talked about.
  // 撤回么样弄, 撤回怎么用: how to withdraw, asked (帮助).
  // 撤回的那条我看到了, 刘大姐你刚才那条语音撤回了 我没听着: the recalled message talked about.
  const recalled = /(?:已经|已)撤回|撤回的|(?:多了|有|加了)个撤回|撤回了(?:$|一条|消息|发错|错群|不好意思|抱歉|手滑)|撤回了.{0,10}(?:发错|错群|手滑)|(?:发错|错群|手滑)了?.{0,6}撤回了|撤回了.{0,3}(?:是发给|本来发给|不是发给)|撤回(?:消息|功能|时间)|撤回(?:只有|只能)|撤回\S{0,2}?(?:怎么|咋|么样|如何|怎样|啥意思|是啥)|[你您他她]\S{0,10}撤回了|(?:语音|图片|视频|照片|表情)撤回了/u.test(word);
  // 撤了吧, 删了吧 on the bot's receipt of a log: withdraw that log.
  const onReceipt = ctx.quote?.from === 'bot' && ctx.quote.kind === 'other' && /^(?:撤了吧?|撤掉吧?|撤吧|删了吧?|删掉吧?|不要了)$/u.test(word);
  const withdraw = !recalled && (WITHDRAW.has(word) || onReceipt || (r.ids.length === 0 && (/^(?:我|麻烦|请|帮我|帮忙)?撤回/u.test(word) || /撤回(?:一下|下)?(?:吧|呗)?$/u.test(word) || /(?:宣传|登记|记录|那条|这条|这一条|上一条|刚才).{0,14}撤回/u.test(word))));
  // 撤回刚才的宣传 names the log, wherever it is said.
  if ((outreachPlace || /宣传|登记/u.test(word)) && withdraw && !r.question && !r.softQuestion) return { kind: 'act', command: { kind: 'withdraw' } };
  // 宣传 幸福里社区 入户 30人 from a worker in his task room: the keyword says what it is.
  const logged = !outreachPlace && r.ids.length === 0 && !r.question && !r.softQuestion && OUTREACH_KEYWORD.test(r.body) ? readOutreach(r.body) : null;
  if (logged?.keyword && logged.parsed.ok) return logOrAsk(logged.parsed.log, logged.guessed !== true, r.body);
  // 今天在T9KE奶茶店门口摆摊 …: an id-shaped shop name that is no case is no case id either.
  const noCase = !r.ids.some((e) => e.how !== 'unknown');
  if (outreachPlace && noCase && !r.question && !r.softQuestion) {
    const { keyword, parsed, guessed } = readOutreach(r.body);
    if (parsed.ok) return logOrAsk(parsed.log, (keyword || parsed.log.place !== '') && guessed !== true, r.body);
    if (parsed.reason !== 'not_outreach') return { kind: 'refuse', reason: 'outreach_incomplete', example: parsed.example, hint: parsed.hint };
  }
  if (ctx.role === 'volunteer') {
    // Volunteers log outreach; a case command from them is answered with what they can do.
    const d = decideCase(r, ctx, addressed);
    // 帮助, 我的, and 查 (core answers a volunteer's 查 with what volunteers may do).
    if (d.kind === 'act' && (d.command.kind === 'help' || d.command.kind === 'query' || d.command.kind === 'mine')) return d;
    // 今天的统计数据看一下: the figures are the leads'; told so, as a worker is.
    if (d.kind === 'refuse' && d.reason === 'not_allowed' && d.hint === say.statsLeadsOnly) return { kind: 'refuse', reason: 'not_allowed', example: '宣传 幸福里社区 摆摊 80人 装APP 25', hint: conversationReplies.statsForVolunteers };
    // 这个小区我们上周刚去宣传过, on a case the bot pushed: a remark on it, no command in it.
    // 小刘网格员是不是在忙啊…要不要我先去她家门口看看 on a reminder: a command word inside a remark is no command.
    if (d.kind === 'ignore' && ctx.quote?.from === 'bot' && !ctx.mention && !r.mentionsBot && ctx.room !== 'private' && !r.toks.some((x) => x.t === 'kw' && atHead(r.toks, x))) return IGNORE;
    // 好的谢谢 to the bot: nothing to answer; 收到 / 好的 on a notice or an alert: read, nothing to do.
    if (SOCIAL.test(r.body.trim())) return IGNORE;
    const bareAck = r.ids.length === 0 && r.toks.every((x) => x.t === 'weak' || x.t === 'particle' || x.t === 'filler' || (x.t === 'kw' && x.kind === 'ack'));
    if (bareAck) return IGNORE;
    // 收到啦 你也早点歇着, 👍👍👍 谢啦, 好的 谢谢啊 报上了就行: thanks, nothing asked.
    if (d.kind === 'ignore' && !/\d/u.test(r.body) && /^(?:好的|收到|嗯|行|ok|👍|🙏|谢|辛苦)/iu.test(r.body.trim()) && /谢|辛苦|歇|晚安|就行|好的|收到|👍|🙏/u.test(r.body)) return IGNORE;
    return d.kind === 'ignore' && !addressed ? IGNORE : { kind: 'refuse', reason: 'not_allowed', example: '宣传 幸福里社区 摆摊 80人 装APP 25', hint: say.volunteerCases };
  }
  return decideCase(r, ctx, addressed);
}

/**
 * Left over once a log's figures are read, what should have been one of them: paper handed out
 * (发宣传页60张), the app (帮助三十五位村民下载了反诈APP), a vague count (装APP十几个).
 */
const LOOSE = '[一二三四五六七八九十]几|几[十百]|[一二两三四五六七八九][二两三四五六七八九]百|(?<![一二两三四五六七八九十\\d])(?:上百|近百|百把|百十)|大几十';
const VAGUE_COUNT = new RegExp(`${LOOSE}|来了\\s?[\\d一二两三四五六七八九十百]+(?=$|[\\s，,。])|有\\s?[\\d一二两三四五六七八九十百]+(?=$|[\\s，,。])`, 'u');
const UNREAD_FIGURE = /[\d一二两三四五六七八九十百千]\s?(?:份|张|册|本)|app|几个|十几|几十/iu;

/**
 * Stores an outreach log at once, or asks first: without 宣传 or a place, with a figure left
 * unread in its remark, or with a count said vaguely (二十几个: the figure stored is a guess). A log is withdrawn with 撤回 within 10 minutes, so a sentence with
 * a place and every figure read is stored at once.
 */
function logOrAsk(log: OutreachLog, sure: boolean, said: string): Decision {
  const command = { kind: 'outreach' as const, ...log };
  if (sure && !(log.note !== null && UNREAD_FIGURE.test(log.note)) && !VAGUE_COUNT.test(said)) return { kind: 'act', command };
  return { kind: 'confirm', command, prompt: say.confirmOutreach(describeOutreach(log, roughFigures(said))) };
}

/** A count said loosely (上百, 十几, 大几十, 两三百), not one whose unit was left out (来了90). */
const LOOSE_COUNT = new RegExp(LOOSE, 'gu');

/**
 * Which figures of a log were said loosely, by the word after the count: 十几个APP is installs,
 * 几百份 leaflets, anything else (上百人, 大几十个老人) the head count.
 * @example roughFigures('上百人参加 装了十几个APP') // { people: true, installs: true }
 */
function roughFigures(said: string): RoughFigures {
  const rough: RoughFigures = {};
  for (const m of said.matchAll(LOOSE_COUNT)) {
    const after = said.slice(m.index + m[0].length, m.index + m[0].length + 6);
    const before = said.slice(Math.max(0, m.index - 3), m.index);
    if (/^\s?(?:多|来)?\s?(?:个|台|部)?\s?(?:APP|app|App|反诈)/u.test(after) || /装了?\s?$/u.test(before)) rough.installs = true;
    else if (/^\s?(?:多|来)?\s?(?:份|张|册|本)/u.test(after) || /发了?\s?$/u.test(before)) rough.leaflets = true;
    else rough.people = true;
  }
  return rough;
}

/** A word of its own that answers with a digit: 1, 选1, 回2, 确认1, 嗯选一, 2哈. */
const ANSWER_WORD = /^(?:嗯)?(?:选|回|回复|按|确认)?([12一二])(?:哈|吧|啊)?$/u;
const DIGIT_OF: Record<string, 'confirm_yes' | 'confirm_no'> = { 1: 'confirm_yes', 一: 'confirm_yes', 2: 'confirm_no', 二: 'confirm_no' };
/** Words that lead an answer given with its reason: 对 就是它, 不对 人数是80. */
const LEADS_YES = ['对', '对的', '是的', '没错', '确认'];
const LEADS_NO = ['不对', '不是', '不是这个', '错了', '取消', '算了'];

/**
 * The answer to the bot's one-tap question (1 confirms, 2 cancels), or null: the answer alone or
 * said again (对对对, 不对不对), the digit first (1 对, 2 不是这个), one digit among agreeing words
 * (好的 选1, 不是这个案子 2; not 3号楼1单元), every word agreeing (对 确认), or the answer first
 * and then why (不对 人数是80).
 * @example answerTo('好的 选1', '好的选1') // 'confirm_yes'
 */
function answerTo(body: string, word: string): 'confirm_yes' | 'confirm_no' | null {
  const reply = body.replace(/^嗯+\s*/u, '').replace(/^(?:回复?|选择?|按)\s*/u, '');
  const words = reply.split(/[\s\p{P}]+/u).filter((w) => w !== '');
  const again = word.replace(/^嗯+(?=.)/u, '').replace(/(.{1,2}?)\1+/gu, '$1');
  const lists = [['confirm_yes', CONFIRM_YES, CONFIRM_NO], ['confirm_no', CONFIRM_NO, CONFIRM_YES]] as const;
  for (const [kind, list] of lists) if (list.includes(word) || list.includes(again) || (words.length > 0 && words.every((w) => list.includes(w.toLowerCase())))) return kind;
  if (ANSWER_FIRST.test(reply) || /^[一二]$/u.test(reply)) return DIGIT_OF[reply[0]!] ?? null;
  const answers = words.filter((w) => ANSWER_WORD.test(w));
  const others = words.filter((w) => !ANSWER_WORD.test(w) && !/^(?:我回复?|选|回复?)$/u.test(w));
  if (answers.length === 1 && !others.some((w) => /\d/u.test(w)) && [...word].length <= SHORT_ANSWER) {
    const kind = DIGIT_OF[ANSWER_WORD.exec(answers[0]!)![1]!]!;
    const against = kind === 'confirm_yes' ? CONFIRM_NO : CONFIRM_YES;
    if (others.every((w) => !against.includes(w))) return kind;
  }
  const lead = words[0]?.toLowerCase();
  if (lead && words.length > 1 && [...word].length <= SHORT_ANSWER + 4) {
    if (LEADS_YES.includes(lead)) return 'confirm_yes';
    if (LEADS_NO.includes(lead)) return 'confirm_no';
  }
  return null;
}

/** 1 对, 2 不是这个, 1哈: the digit first, then a break or a word of answer (not 1楼大厅等你). */
const ANSWER_FIRST = /^[12](?=$|[\s\p{P}\p{S}\u{FE0F}\u{20E3}]|[对好是确哈吧啊嗯不错说]|没错)/u;
/** An answer to the bot's one-tap question is this short at most (不是这个案子 2). */
const SHORT_ANSWER = 10;

/** Someone not bound yet: 绑定 and 帮助 work; anything else addressed is told how to bind. */
function stranger(text: string, ctx: UnderstandContext): Decision {
  // 绑 定 PC9TF2: the keyword split by a stray space.
  const r = read(text.replace(/绑\s+定/gu, '绑定'), ctx, ctx.botName);
  const d = decideCase(r, ctx, true);
  if (d.kind === 'act' && (d.command.kind === 'bind' || d.command.kind === 'help')) return d;
  const said = text.normalize('NFKC');
  // 绑定码去哪整, 绑定怎么绑, 我的绑定码上哪找: how to bind, asked (帮助 tells someone not bound how).
  const howToBind = (ctx.room === 'private' || ctx.mention) && /绑定|绑码/u.test(said) && /怎么|咋|哪|谁|如何|边度|哪点/u.test(said);
  if (d.kind === 'refuse' && d.reason === 'missing_code') return howToBind ? { kind: 'act', command: { kind: 'help' } } : d;
  // 换新手机了 重新绑定 D8KQ5V, 孙志愿让我来绑定的 码是P2WE8H: privately, the keyword anywhere and one code.
  const codes = r.question || r.softQuestion ? [] : said.replace(/@\S+/gu, ' ').match(/(?<![A-Za-z0-9])(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{4,16}(?![A-Za-z0-9])/gu) ?? [];
  if (ctx.room === 'private' && /绑定|绑码|绑一下/u.test(said) && new Set(codes.map((c) => c.toUpperCase())).size === 1) return { kind: 'act', command: { kind: 'bind', code: codes[0]!.toUpperCase() } };
  // K3P9QX alone, privately: the bind code pasted without the keyword.
  const code = text.trim();
  if (ctx.room === 'private' && /^[A-Za-z0-9]{4,16}$/u.test(code) && /\d/u.test(code) && /[A-Za-z]/u.test(code)) return { kind: 'act', command: { kind: 'bind', code: code.toUpperCase() } };
  // 谢谢 from someone not bound yet: nothing to answer.
  if (SOCIAL.test(text.trim())) return IGNORE;
  if (howToBind) return { kind: 'act', command: { kind: 'help' } };
  return ctx.room === 'private' || ctx.mention ? { kind: 'refuse', reason: 'not_bound', example: '绑定 K3P9QX', hint: say.notBound } : IGNORE;
}
