/**
 * The case grammar in the understanding step: acknowledgements, outcomes, corrections,
 * queries and the leads' commands, decided with the context. Questions never
 * change state; inferred outcomes and slipped ids are confirmed first; unknown ids answered.
 */
import type { WordKind } from '../case-words.js';
import { ASIDE_REMARK, GREETING, SOCIAL, STRONG_ACK, SUPERVISE_WITH_CASE, TAKEN_BACK } from '../case-words.js';
import { FREE_FORM } from '../free-form-words.js';
import type { Token } from '../grammar-lexer.js';
import { describeReport, understandReplies as say } from '../understand-replies.js';
import { atHead, CALLED_FIRST, contextCase, LATE_SEEN, typedCase, type FoundCase } from './evidence.js';
import { FAULT_WONDERED, helpForSomethingElse, learningRemark, readFreeForm } from './free-forms.js';
import type { Reading } from './read.js';
import { leadCommand } from './lead-commands.js';
import { onTheWay } from './on-the-way.js';
import { promptFor } from './prompts.js';
import { memberIn, pickTarget, takesCases } from './reassign.js';
import { act, bare, confirm, kwOf, refuse, unknownCase, type Turn } from './turn.js';
import { readOutcome, STILL_CHECKING, talliesResults } from './report.js';
import type { Decision, UnderstandContext, UnderstoodCommand } from './types.js';

const IGNORE: Decision = { kind: 'ignore' };
/** Supervising words that, from the worker a case waits on, mean taking it. */
const TAKING_IT = /^(?:在跟了?|我跟|我来跟|我跟进|马上安排|我来处理|我盯着|我来盯)$/u;
/** Not finding anyone at the door, said without 反馈 and followed by a next step, is progress news. */
const AT_THE_DOOR_ONLY = /不在家|没在家|家中无人|家里没人|没人在家|人在外地|敲门没人|没人开门|没人应|门锁着|锁着门/u;
/** The next step after the door: a plan (晚上再去看看, 明天回来再说), another try (我打电话试试), asking around (我问问邻居去). */
/** 还在劝, 我再打, 在门口等, 直接上门: the work goes on, so a failed contact or a refusal is not yet an outcome. */
const GOES_ON = /继续(?:劝|做工作|聊|打|联系|找|跟进|敲)|(?:还|一直|正)在劝|劝着|再聊|接着(?:打|劝|问|聊|找)|再看看|在问|还在问|(?:再)?想(?:想)?办法|找找|(?:门口|楼下|旁边|边上|这儿|这里)?(?:守着|蹲着|陪着)|(?:我|俺)?再(?:打|敲|劝|试|联系|找|叫|喊|磨|做做|核实|核对|观察)|观察观察|叫叫|喊喊|等回电|等(?:他|她)?回(?:电话|消息)|(?:直接|马上|这就|我)过去(?![了过])|在\p{Script=Han}{0,6}等|等(?:他|她|人|老人)?(?:回来|开门)|上门去(?![了过])|直接上门(?![了过])|去(?:他|她)家(?![了过])/u;
// The worker still checking (我核实一下, 还得看) is a next step too: one list for it, STILL_CHECKING (report.ts).
const NEXT_STEP = new RegExp(String.raw`试试|试一下|(?:直接|就|我)(?:过去|上门|去家里)了?\s*$|再跑|再去|再来|还是过去|过去看一眼|去看一眼|往\p{Script=Han}{0,4}(?:走|赶)|联系下|联系一下|打个电话看看|电话联系下|问问|问一下|问下|等等|等一会|再等|在等|等(?:物业|人|他|她|家属|邻居|保安|门卫|着)|去\p{Script=Han}{0,5}找|再找|说去|去接|去买|住院|出门了|出去了` + `|${STILL_CHECKING.source}`, 'u');
const OVERSEERS = new Set(['lead', 'supervisor', 'operator', 'admin']);
/** A loss above this is questioned before it is stored. */
const BIG_LOSS = 10_000_000;
/** A farewell or thanks to a person after 好的/收到. */
const FAREWELL = /明天见|再见|回见|拜拜|晚安|下午见|晚上见|谢谢\s*(?:[王李周陈刘吴郑赵钱孙马何林]|你|您|大家)/u;
/** The bot's message quoted, a person @-mentioned and no case typed: the reply is for that person. */
const quotedToPerson = (r: Reading, ctx: UnderstandContext) =>
  ctx.quote?.from === 'bot' && (r.others.length > 0 || CALLED_FIRST.test(r.body.trim())) && !r.mentionsBot && !ctx.mention && ctx.room !== 'private' && !r.ids.some((e) => e.how !== 'unknown');
/** @陈网格 这单转你, 这个你去: the quoted case handed to the person named. */
const HANDED_TO_YOU = /转(?:给)?你|交给你|归你|你接|(?:这单|这个)你去|你来跟/u;
/** Said to the bot in so many words: @-mentioned, named, or privately. */
const plainlyToBot = (r: Reading, ctx: UnderstandContext) => ctx.mention || r.mentionsBot || ctx.room === 'private';
/** 大家看下这条, 新来的看一下这条 这就是派单: the bot's message shown to the room (or to its newcomers), not asked about. */
const SHOWN_TO_ROOM = /^\s*(?:大家|各位|你们|新来的|新同事|新人|刚来的)|(?:大家|各位)(?:看下|看看|看一下)/u;
/** 这个能不能晚点提醒, 是不是派错了, 怎么还信这个: a question on the bot's message that is not about the case's state. */
// 大家看看这个话术, 这老人哪来这么多钱, 这种低危的也要上门吗: shown to the room, wondered at, or the rule asked;
// 这地址不就是咱们聚餐那家饭馆楼上嘛: recognised, remarked on.
// 哨兵今天是不是抽风了 一直推, 同一单推了三遍 刷屏了, 这个查询结果跟我系统里看的不一样, 原来还能这么查 学到了:
// the bot's messages complained of, compared or admired.
/**
 * On a quoted bot message: the bot itself talked about (它没写几号门, 机器人也不下班), the room spoken to
 * (我跟你们说…你们去过没有, 志愿者们看看这条), or an errand for whoever goes (谁去的话帮我带俩, 谁路过).
 */
const TALK_ON_QUOTE = /^\s*(?:哎\s*)?(?:它|机器人|这机器人|哨兵)|(?:它|机器人|哨兵)(?:也|又|还|居然|真|都|就|老|总|每次|一)|你们|志愿者们|同事们|谁(?:去|过去|路过|上门)的话|谁路过|谁顺路|谁有空/u;
const NOT_STATUS = /要不要我|不就是|向\p{Script=Han}{1,5}学习|值得学习|点赞|表扬|我陪你|的时候(?:咋办|怎么办|怎么弄)|还提醒|提醒我干嘛|提醒个啥|怎么还升级|卡了|写的(?:啥|什么)|谁写的|文案|加粗|这不是\p{Script=Han}{0,8}吗|测试|见过|音效|铃声|感觉|邻居|同一个|谁帮|重复的|不用去|替\p{Script=Han}{1,2}去|不是我们|不归我们|哪来(?!着)|哪儿来(?!着)|抽风|刷屏|推了[两三四五几\d]+(?:遍|次)|太严|太长|不一样|学到了|也(?:要|得|需要)\p{Script=Han}{0,4}[吗嘛]|催什么|什么催|催啥|啥催|哨兵你|机器人你|你是不是|能不能|可不可以|显示|(?:网格员|\p{Script=Han}{1,2}网格|\p{Script=Han}{1,2}社区|[老小]\p{Script=Han})\p{Script=Han}{0,6}?(?:请假|休息|上班|在不在|调休|出差)|间隔|频率|设得|设置得|调得|(?:上个?月|上次|上回|去年|以前)\p{Script=Han}{0,6}?(?:推过|来过|报过|遇到过|被骗过)|是不是\p{Script=Han}{0,2}错|怎么还信|为什么|为啥|凭什么|咋回事|怎么回事/u;
/** 小周可以啊 十分钟就劝住了 on a confirmation is praise; 错了 是误报 corrects it. */
const CORRECTING = /错|不对|改|应该是|其实是|更正|不是/u;
/** 还在做工作, 正在聊, 在路上, 快到了, 稍等: work on a case under way. */
const IN_PROGRESS = /还在|正在|在路上|快到了?|马上到|稍等|等一下|等会儿?|在劝|在聊|在谈|在做工作|在问|在核对|在核实|在查|在登记/u;
/** 网格员在旁边盯着, 对方催, 银行那边说…抓紧: a clause whose subject is someone other than the sender (让李网格盯紧点 is the sender pressing). */
const OTHER_SUBJECT = /(?<![让叫请要催])(?:网格员|老人|老太太|老爷子|大爷|大妈|阿姨|对方|骗子|银行|柜员|家属|民警|儿子|女儿|[周李陈刘吴]网格|小[\p{Script=Han}])\p{Script=Han}{0,6}$/u;
/** 关机 骑车过去, 没人接 在找他家里人, 空号 在跟他女儿要新号, 继续: after a call that failed, the worker tries another way. */
const CARRIES_ON = /(?:我|俺|我先|先|就|再|直接|马上|这就|赶紧|一起|自己)\p{Script=Han}{0,6}?(?:过去|去|找|追|敲|联系|上去|上门)|(?<![现实存所好])在(?:找|打|联系|敲|赶|跟|给|往|要|问)|正(?:在|联系|找|打|赶)|骑车|打车|开车|继续|接着|轮着|换(?:个|我|同事|座机|别的)|改(?:打|用|发|上门|去)|(?:调|查|看)监控|(?:^|\s)敲门(?:中|呢)?\s*$|留言|留了言|发(?:了)?(?:微信|短信|消息)|去(?:家里|他家|她家|现场|找)|带我去|一起去|随后就到|让\p{Script=Han}{1,4}(?:上去|去|敲门|看看)/u;
/** 劝住, 拦下, 稳住, 说通: someone talked round or stopped, not only money that has not moved. */
const PERSUADED = /劝|拦|截|稳住|按住|摁住|说通|说服|止付|冻结|挡|叫停|喊停|阻止/u;
/** 我跟着, 盯着, 民警在讲, 晚上专家来拿, 人还没来, 在核, 陪他去银行问问: the work goes on. */
const WATCHING = /(?:喊|聊|说|劝|耗|守|等|陪|磨|哄|稳|坐)着|在安慰|安慰着|着呢|(?:劝|聊|说|讲|问)呢|(?:讲|问|倾|劝|睇|搵|等|打|傾)紧|再(?:说说|讲讲|聊聊|劝劝|磨磨)|还在犹豫|又要转|在\p{Script=Han}{1,4}?(?:聊|说|讲|劝|等|守|喊)|(?:就|马上|这就)到|慢慢来|[叫喊请找让]\p{Script=Han}{1,6}?(?:一起来|过来|来了|跟他说|跟她说|和他说|和她说)|跟着|盯着|守着|陪着|看着|继续|接着|加把劲|磨磨|上楼|路上|马上到|快到|还没来|来拿|来取|来收|在(?:讲|说|聊|劝|谈|核|查|看|翻|问|解释|等|跟|给|帮|门口|她家|他家)|正在|要看|看一眼|问问|查查|再查|挂失|冻卡|在冻|请了|等(?:他|她|儿子|女儿|闺女|家属|民警|人|对方|开门)|\p{Script=Han}还在催|又反悔|反悔了/u;
/** 还在做工作, 正在劝: the persuasion itself still going on (止付了 老人还不乐意 还在做工作 is not settled). */
const STILL_AT_IT_HERE = /还在(?:做工作|劝|做思想工作|沟通)|正在(?:劝|做工作)|继续(?:劝|做工作)/u;
/** 老人说, 他儿子说, 阿伯讲: someone else's words begin (not 说明, 说话, nor 我跟他讲: the sender's own talk). */
const HEARD = /(?<=\p{Script=Han})说(?![明法话服过完清得好起笑一下说通错])|(?<=\p{Script=Han})(?<![我俺跟给和对向]\p{Script=Han}?)讲(?![究座课话解清])/u;
/** 上门也没人, 家里没人, 不在家: the visit failed too, so the contact failure may be the outcome. */
const VISIT_FAILED = /(?:家里|屋里|上门|敲门|到了?)\p{Script=Han}{0,3}?(?:没人|没有人|不在)|不在家|人不在/u;
/** 占线 估计在跟骗子通话, 电话被骗子占着: the line busy because the victim is on it; the worker carries on. */
const ON_THE_LINE = /(?:在|正在|还在)(?:跟|和|与)\p{Script=Han}{0,4}?(?:通话|打电话|聊|说话)|骗子在电话里|被骗子占着/u;
/** 可能被骗了, 好像转了钱, 据说已经转了: a loss suspected, not known. */
const UNSURE_LOSS = /(?:可能|好像|也许|似乎|怀疑|疑似|据说|不确定|说不定|看样子|应该|估计|估摸着?|八成)\p{Script=Han}{0,4}?(?:被骗|转了|转过|骗了|上当|转走|转出|交了|汇了)|多少不知道|不知道多少|具体多少|多少还在|多少还不|多少不清楚|不清楚多少|金额不清楚|数额不清楚|前后\p{Script=Han}{0,2}花了|这几年|这些年|(?:核对|核实|确认|查|问)\p{Script=Han}{0,2}?(?:转了|被骗了?|损失了?|骗了)多少/u;
/** 还在核实, 我在陪她查账, 还在一笔笔对: the sender still finding out. */
const CHECKING = new RegExp(String.raw`(?:还在|正在|在)\p{Script=Han}{0,3}?(?:核|问|查|对账|对|拦|劝|等)|查账|查流水|一笔笔对|等\p{Script=Han}{0,4}?(?:回话|回复|打印|流水|记录|结果)|再(?:问|查|核|看看|看一下|看下|翻翻|对对)|翻出来|说不清` + `|${STILL_CHECKING.source}`, 'u');
/** 刚才在洗澡没看见, 才看到: the delay excused, closing the message. */
const LATE_AFTER = /(?:刚才|刚刚|刚|才)\s*(?:在\p{Script=Han}{1,4}?)?\s*(?:没看见|没看到|看到|看见|没看手机|没听见|没听到|没信号|手机没电)(?:手机|电话)?(?:响|震|铃声)?\s*$/u;
/** A bare 收到 may mean a case pushed at most this long ago. */
const RECENT_PUSH_MINUTES = 30;
/** 收到 等我两分钟, 收到~已经在车上: this short, a remark after 收到 still answers the push. */
const SHORT_REMARK = 10;

/** Decides a message by the case grammar. */
export function decideCase(read: Reading, ctx: UnderstandContext, addressed: boolean): Decision {
  // 在跟了, 马上安排, 我来跟 from the worker the case is pushed to: taking it, not supervising it.
  const taker = ctx.role === 'worker' && ctx.openCases.some((c) => !c.acknowledged);
  const r: Reading = taker ? { ...read, toks: read.toks.map((x) => (x.t === 'kw' && x.kind === 'supervise' && TAKING_IT.test(x.text) ? { ...x, kind: 'ack' as const } : x)) } : read;
  // Q7RT 不用更正，结果是对的: a command called off, said to the room.
  if (r.calledOff && !addressed && !r.question) return IGNORE;
  // @网格哨兵 你好, 你是谁: a greeting to the bot is answered with what it does (someone not
  // bound yet is told how to bind instead).
  if (addressed && ctx.role !== 'stranger' && GREETING.test(r.body.trim())) return act({ kind: 'help' });
  // 收到请回复, 看到回个收到: the room asked to acknowledge a notice.
  // 各社区注意 H3WN 昨天超时了…收到回复一下, from a lead: a notice naming cases, answered by people.
  if (!addressed && (r.ids.length === 0 || (OVERSEERS.has(ctx.role) && r.toks[0]?.t !== 'id' && !(r.toks[0]?.t === 'kw' && r.toks[0].kind !== 'ack'))) && REPLY_REQUESTED.test(r.clean)) return IGNORE;
  // 发‘查 编号’就行 比如 查 X6CU: a command shown as an example, in a how-to for the room.
  if (!addressed && /(?:比如|例如|举个例子|举例|示例)\s*[:：]?\s*\S/u.test(r.body) && !r.ids.some((e) => e.how === 'own')) return IGNORE;
  const kws = r.toks.filter((x): x is Token & { t: 'kw' } => x.t === 'kw');
  const t: Turn = { r, ctx, addressed, kws, exampleId: ctx.openCases[0]?.id ?? 'K7Q2' };
  // @郑社区 你来督办一下, @周网格 赶紧去银行 on the bot's alert: said to the person named, about the
  // quoted case; only a command begun with its keyword (转派 @刘网格) is still the bot's.
  const leadTakesIt = OVERSEERS.has(ctx.role) && ctx.quote?.from === 'bot' && ctx.quote.kind === 'escalation' && kws[0]?.kind === 'ack' && atHead(r.toks, kws[0]) && TAKE_OVER.test(r.body);
  // @周网格 看一下这个 on the bot's alert: the person is called first, so even a keyword is theirs.
  if (quotedToPerson(r, ctx) && (!(kws[0] && atHead(r.toks, kws[0]) && kws[0].kind !== 'ack') || r.personFirst === true) && !leadTakesIt && !HANDED_TO_YOU.test(r.body)) return IGNORE;
  // 好 我来问问小李啥情况 on a quoted alert: the question is what the lead will find out; taken on.
  const alertAsked = r.question && FINDS_OUT.test(r.clean) ? alertTakenOn(t, typedCase(r)) : null;
  if (alertAsked) return act({ kind: 'supervise', caseId: alertAsked });
  if (r.question) return question(t);
  const first = kws[0];
  const head = first !== undefined && atHead(r.toks, first);
  const typed = typedCase(r);
  // Meant for the bot: addressed, begun with a keyword, or naming the sender's own case.
  // H8MA 我接了, J7PZ 查下: a short command led by an id nobody has is still meant for the bot.
  // (read() makes such a word an id only when a keyword follows it.)
  const idLed = typed?.source === 'unknown' && r.toks[0]?.t === 'id' && wordLength(r) <= 10;
  const meant = addressed || head || idLed || (typed !== null && (typed.source === 'typo' || ctx.openCases.some((c) => c.id === typed.id)));

  const overseer = OVERSEERS.has(ctx.role);
  const handOver = handedOver(t, typed, overseer);
  if (handOver) return handOver;
  // 好 我来问问小李啥情况, 我现在就去他家看看 on a quoted alert: the lead takes it on; the question is theirs to find out.
  const alertTaken = alertTakenOn(t, typed);
  if (alertTaken) return act({ kind: 'supervise', caseId: alertTaken });
  // R7WC 撤销 已移交分局: the command at the head wins over a keyword in its reason.
  const headKw = kws.find((k) => LEAD_KINDS.has(k.kind) && atHead(r.toks, k));
  const resultsOnlyQuoted = onlyQuotedResults(r);
  for (const kind of ['correct', 'reopen', 'reassign', 'cancel', 'supervise', 'bind'] as const) {
    const kw = kwOf(t, kind);
    if (!kw) continue;
    if (kind === 'supervise' && SUPERVISE_WITH_CASE.has(kw.text) && (typed === null || typed.source === 'unknown') && !(ctx.quote?.from === 'bot' && ctx.quote.caseId)) continue;
    // @李网格 抓紧看一下: pressing a colleague in person, not asking the bot to 督办.
    // K7Q2这单我盯着 @刘网格 你抓紧: the case taken on first, then the colleague told (the @ after it).
    const takenOnFirst = r.personFirst !== true && typed !== null && typed.source !== 'unknown' && atHead(r.toks, r.toks.find((x) => x.t === 'id')!) && /^我/u.test(kw.text.replace(/^这单/u, '')) ;
    if (kind === 'supervise' && SUPERVISE_WITH_CASE.has(kw.text) && r.others.length > 0 && !t.ctx.mention && !r.mentionsBot && !takenOnFirst) continue;
    // 网格员在旁边盯着, 对方催他转钱, 网格员得抓紧, 老人就盯着手机: someone else watching or pressing, told; not the sender's 督办.
    if (kind === 'supervise' && !addressed && !/^(?:督办|已督办|督促|催办|督查|我)/u.test(kw.text) && (OTHER_SUBJECT.test(r.clean.slice(0, kw.start).split(/[\s\p{P}]+/u).at(-1) ?? '') || /^\s*(?:手机|屏幕|电脑|聊天|转账|钱|他转|她转|转钱)/u.test(r.clean.slice(kw.end)) || /^催(?:他|她)$/u.test(kw.text) && /^\s*(?:转|汇|交|打钱|付)/u.test(r.clean.slice(kw.end)))) continue;
    // E9PH上次重办了两回才结, X6CU昨天转派给李网格那会儿, 记得J3DK上回冯中心督办之后…, T9KE前两天刚更正过一次:
    // what was done to a case before, told; 我看X6CU八成是误报, X6CU要我说干脆交给社区民警: an opinion.
    // (X6CU 昨天督办过了, the command and nothing after it, is still asked about.)
    if (!addressed && ((PAST_TOLD.test(r.clean.slice(0, kw.start)) && !/^\s*过?了?\s*$/u.test(r.clean.slice(kw.end)) && !(kind === 'correct' && /错/u.test(r.clean.slice(kw.start - 1, kw.end + 2)))) || /^\s*(?:过(?!了?[\s。!！]*$)|了[两几\d一二三]+(?:回|次|遍)|之后|以后|后(?![面边台天])|那会儿?|的时候|是因为|那次|那回|的那次)/u.test(r.clean.slice(kw.end)) || OPINION.test(r.clean))) continue;
    if (kind === 'reassign' && handOverTold(t)) continue;
    // 她闺女非让我们撤销预警 我没答应: someone else asking us for the command; @李网格 X6CU你那个反馈写成误报了
    // 自己去更正一下: the colleague called first told to do it themselves.
    if (!addressed && (/(?:让|叫|要求|逼|求)(?:我们|咱们|我)\s*$/u.test(r.clean.slice(0, kw.start)) || (kind !== 'reassign' && r.personFirst === true && !r.mentionsBot && /(?:你|您)|自己/u.test(r.clean.slice(0, kw.start))))) continue;
    // H4VZ撤销这事等钱警官回来再说: put off; @刘网格 V7HD那单撤了你知道吧: news for the colleague called first;
    // E7MX撤销理由就写个重复 太敷衍了吧: the command's reason talked about.
    if (!addressed && (PUT_OFF.test(r.clean) || (r.personFirst === true && !r.mentionsBot && /你知道|你晓得|跟你说|告诉你/u.test(r.clean)) || /^(?:理由|原因|的理由|的原因)/u.test(r.clean.slice(kw.end)))) continue;
    // T4XA 刚发的“被骗了”是打错了: a result only in quotes, the message it was typed in named, corrects nothing.
    if (kind === 'correct' && !addressed && resultsOnlyQuoted) continue;
    // X6CU督办提醒又弹出来了, R2XC督办通知我看到了: the bot's notice named, not the command.
    if (/^(?:通知|提醒|消息|短信|推送)/u.test(r.clean.slice(kw.end))) continue;
    // 撤销要写原因的: a rule about the command.
    if (!addressed && /^\s*(?:要|得|需要|必须|一定要)\s*(?:写|填|带|注明|说明|附)/u.test(r.clean.slice(kw.end))) continue;
    // 作废那俩单子别再跑了 是演练: cases the room knows, called off to people; no id to ask the bot for.
    if ((kind === 'cancel' || kind === 'supervise') && !typed && !addressed && /(?:那|这)(?:俩|两|几|些)(?:个|单|条|件)?/u.test(r.clean)) continue;
    // 超时就会被督办, 上次被撤销的那单: the passive talks of what happens to cases, commands nothing.
    if (/被\s*$/u.test(r.clean.slice(0, kw.start))) continue;
    // @吴网格 K7Q2 催一下啊 都十五分钟了: the colleague called first is the one pressed.
    if (kind === 'supervise' && /催/u.test(kw.text) && r.personFirst === true && !t.ctx.mention && !r.mentionsBot) continue;
    const leads = kind !== 'correct' && kind !== 'bind';
    // K7Q2 这个地址写错了吧: the case's details mistyped, not its outcome.
    if (kind === 'correct' && readOutcome(r) === null && /(?:地址|电话|号码|名字|姓名|手机号?|身份证|门牌号?)\s*$/u.test(r.clean.slice(0, kw.start))) continue;
    if (kind === 'supervise' && SUPERVISION_NAMED.test(r.clean)) continue;
    // 转派后没更新: the hand-over talked about, after the fact.
    if (kind === 'reassign' && /^\s*(?:后|之后|以后|了之后)(?![面边台天])/u.test(r.clean.slice(kw.end))) continue;
    // X6CU 你们盯一下, 周网格你抓紧啊: the lead tells people, not the bot.
    if (kind === 'supervise' && !addressed && /你们?\s*$/u.test(r.clean.slice(0, kw.start))) continue;
    // @周网格 K7Q2 我来跟: the lead telling a colleague, not taking it on through the bot.
    if (kind === 'supervise' && /^我/u.test(kw.text) && r.others.length > 0 && !addressed && !takenOnFirst) continue;
    // 派出所: a police station, not 派; D4RS 这家换了门牌: something else changed, not the worker.
    if (kind === 'reassign' && /^派$/u.test(kw.text) && /^出所/u.test(r.clean.slice(kw.end))) continue;
    if (kind === 'reassign' && /^换$/u.test(kw.text) && /^\s*了/u.test(r.clean.slice(kw.end)) && !(ctx.members && memberIn(r.body.slice(kw.end), ctx.members))) continue;
    // X6CU 转派给周网格的事先缓一缓: the hand-over talked about, or put off.
    if (kind === 'reassign' && PUT_OFF.test(r.clean.slice(kw.end))) continue;
    // 换班的事跟王社区说一声: a shift swap, not a case handed over.
    if (kind === 'reassign' && /^换$/u.test(kw.text) && /^班/u.test(r.clean.slice(kw.end))) continue;
    // Q2VA 应该是隔壁派出所的单: 应该是 mid-sentence with no result corrects nothing.
    if (kind === 'correct' && !addressed && r.toks[0] !== kw && !bare(t, kw) && readOutcome(r) === null) continue;
    // J6TA 撤了以后…: what follows the command, talked about.
    if (kind === 'cancel' && /^\s*(?:了以后|了之后|以后|之后|的话|了的话)/u.test(r.clean.slice(kw.end))) continue;
    // 撤销K7Q2的督办, 取消 X6CU 的提醒: something about the case called off, not the case.
    // @钱警官 督办K7Q2的事辛苦您了: the matter of it, spoken of.
    if (kind === 'supervise' && typed && kw.start < (r.toks.find((x) => x.t === 'id')?.start ?? 0) && /^\s*(?:的事|这事|的事情)/u.test(r.clean.slice(r.toks.find((x) => x.t === 'id')!.end))) continue;
    if ((kind === 'cancel' || kind === 'supervise') && typed && /^\s*的\s*(?:督办|提醒|催办|推送|转派|通知|提示|预警推送)/u.test(r.clean.slice(r.toks.find((x) => x.t === 'id')?.end ?? kw.end))) continue;
    // 状态已经是已撤销: the case's state read out, not the command.
    // 这种重复的算撤销对吧: which kind a case counts as, asked; not the command.
    if (kind === 'cancel' && /(?:已|已经是|是|算)\s*$/u.test(r.clean.slice(0, kw.start)) && !atHead(r.toks, kw)) continue;
    // 王社区说要撤销 X6CU: someone else's command, relayed.
    // 反馈 W5RA 已被骗 损失6000 说错了 是9000: a slip mended in the report itself, still the report.
    if (kind === 'correct' && kws.some((k) => k.kind === 'report' && k.text === '反馈' && atHead(r.toks, k))) continue;
    // 周网格说他X6CU填错了要更正: a correction relayed is the other person's to make.
    // (X6CU撤一下吧 冯中心说跟早上那条是同一个号码: the command first, the relayed words are its reason.)
    if (((leads && !overseer) || kind === 'correct') && r.governed.includes('reported') && !addressed && !/^\s*[A-Za-z0-9]{4,6}\s*(?:这单|这个)?\s*$/u.test(r.clean.slice(0, kw.start))) continue;
    // 派给我的单, 转给我的那几件: the cases given to the sender, asked about (我的).
    if (kind === 'reassign' && !typed && /^我的?/u.test(r.clean.slice(kw.end))) continue;
    // 转派的事我跟赵督导说过了: the command named as a topic; @赵督导 好的，我来跟: said to a colleague.
    // 督办指令格式, 转派怎么用: the command's form asked about.
    if (/^(?:的|指令|命令|格式|模板|用法|功能|怎么|咋|如何)/u.test(r.clean.slice(kw.end)) || (!typed && !addressed && r.others.length > 0 && ctx.quote?.from !== 'bot' && r.toks[0] !== kw)) continue;
    if (headKw && headKw.kind !== kind && kind !== 'correct') continue;
    // 老人把转账取消了: a verb with its own object, not a command on the case.
    if (/[把将][^\s,.!?]{1,6}$/u.test(r.clean.slice(Math.max(0, kw.start - 7), kw.start)) && !atHead(r.toks, kw)) continue;
    // P5KE 这单撤了吧 号码填错了: 填错 is the reason for another command, not a correction.
    if (kind === 'correct' && readOutcome(r) === null && t.kws.some((k) => k.kind !== 'correct' && OTHER_LEAD_KINDS.has(k.kind))) continue;
    // 交给我吧 from a worker takes the case; 转派/撤销/督办 are for leads and supervisors.
    // N7QJ 这单我包了: a worker taking their own case, not supervising it.
    if (leads && !overseer && /我/u.test(kw.text) && typed !== null && ctx.openCases.some((c) => c.id === typed.id)) continue;
    // Q2LE 骗子还在电话里催他: on the worker's own case, a pushing word mid-sentence is someone else pushing.
    if (kind === 'supervise' && !overseer && !addressed && !atHead(r.toks, kw) && typed !== null && ctx.openCases.some((c) => c.id === typed.id)) continue;
    // X6CU 我记得上午就督办过了, A4MB 已经有人在督办了: the command remembered as done, or someone else's.
    if (kind === 'supervise' && ((/^\s*过/u.test(r.clean.slice(kw.end)) && /我记得|印象中|好像/u.test(r.clean)) || /(?:有人|别人|人家|他们)\s*(?:在|也在|已经在)?\s*$/u.test(r.clean.slice(0, kw.start)))) continue;
    // C7GY 派给李网格是对的: a hand-over judged, not made.
    if (kind === 'reassign' && /(?:是对的|没错|挺好|不错|对的|合适)\s*(?:$|[，,\s])/u.test(r.clean.slice(kw.end))) continue;
    // P3DV 那个我跟小周说过了: 跟 is "with", not following the case up.
    // X6CU 的事我跟街道汇报过了, 我跟街道再申请一次: 跟 is "to", the sender told or asked someone.
    if (kind === 'supervise' && kw.text === '我跟' && /^\s*\p{Script=Han}{0,6}?(?:熟|认识|是亲戚|关系好|说|讲|聊|商量|交代|联系|打过|一起|汇报|报告|反映|沟通|提过|对过|核实|约|见|视频|通话|通了|打了|碰|申请|请示|协调|对接|要|借|领)/u.test(r.clean.slice(kw.end))) continue;
    // X6CU 督办了两次了还没动静, X6CU 我跟进了一下 家属说没事了, R2XC 那个我跟过 不是诈骗: what the
    // sender did already, counted or told, not a command now (督办过了 alone is asked, below).
    if (kind === 'supervise' && !addressed && (/^\s*[了过]\s*(?:[一两二三四五几\d]+|好几|多)\s*(?:次|回|遍)/u.test(r.clean.slice(kw.end)) || (/跟(?:进)?$/u.test(kw.text) && /^\s*(?:了一?下|过)(?!了)/u.test(r.clean.slice(kw.end))))) continue;
    // P6MV 家里没人 应该是上班去了: 应该是 a guess about the person, not a correction (应该是误报 is one).
    // K3TB 应该是误报 等家属回来, on the sender's own open case: nothing recorded yet to correct; a guess (the report path reads it).
    if (kind === 'correct' && /^应该是$/u.test(kw.text) && (/听\p{Script=Han}{0,6}说|据说|听说/u.test(r.clean) || !r.toks.some((x) => x.t === 'result' && x.start >= kw.end && x.start - kw.end <= 1) || (typed !== null && ctx.openCases.some((c) => c.id === typed.id)))) continue;
    // 已报警的这个 钱警官跟一下: a colleague named right before is asked to follow it.
    if (kind === 'supervise' && !ctx.mention && !r.mentionsBot && ctx.room !== 'private' && /(?:\p{Script=Han}{1,3}(?:督导|警官|社区|网格|所长|书记|主任)|(?<![\p{Script=Han}])[老小]\p{Script=Han})\s*$/u.test(r.clean.slice(0, kw.start)) && !/[我俺]\s*$/u.test(r.clean.slice(0, kw.start)) && !/[让叫催要给请]\s*\p{Script=Han}{1,3}\s*$/u.test(r.clean.slice(0, kw.start))) continue;
    // K7Q2 昨天已经督办过了 今天不用再催: done, and no more pushing wanted.
    if (kind === 'supervise' && /(?:不用|不要|别|无需)再?(?:催|督办|盯)/u.test(r.clean)) continue;
    // X6CU 上午已经督办过了 钱警官在跟: done already, and someone on it, told.
    if (kind === 'supervise' && !addressed && /^\s*过/u.test(r.clean.slice(kw.end)) && /(?:\p{Script=Han}{0,3}(?:警官|督导|社区|网格|所长|派出所|民警)|他|她)\s*(?:在跟|在盯|在处理|跟着|盯着)/u.test(r.clean.slice(kw.end))) continue;
    // K7Q2 赵所昨天就督办了: done by the colleague named, told; 上次督办X6CU跑了两个小时: an earlier time, told.
    if (kind === 'supervise' && !addressed && ((/^\s*[了过]/u.test(r.clean.slice(kw.end)) && /(?:\p{Script=Han}{1,3}(?:督导|警官|社区|网格|所长|书记|主任)|\p{Script=Han}所|(?<!\p{Script=Han})[老小]\p{Script=Han})\s*(?:昨天|前天|上午|下午|早上|晚上|刚才|刚刚|早就|已经|就|也)+\s*$/u.test(r.clean.slice(0, kw.start))) || /(?:上次|上回|那次|之前|以前)\s*$/u.test(r.clean.slice(0, kw.start)))) continue;
    // L7UE 上个月重办过一次了吧: a command done long before, told.
    if (!addressed && /^\s*过/u.test(r.clean.slice(kw.end)) && /之前|以前|上次|上回|去年|上个?月|上周/u.test(r.clean)) continue;
    // K7Q2 原来是老周的 后来改派给小刘了, 昨天我转派给刘网格了 他说推送没收到: the case's history told.
    if (kind === 'reassign' && !addressed && /原来|后来|之前|当时|早就|本来|昨天|前天|上周|昨晚/u.test(r.clean.slice(0, kw.start)) && /^\s*\p{Script=Han}{0,4}?了/u.test(r.clean.slice(kw.end))) continue;
    // 还有一单已经撤了, 大家不用管 已经撤了: a cancellation told as done.
    if (kind === 'cancel' && !addressed && /(?:已经|已|早就|都)\s*$/u.test(r.clean.slice(0, kw.start)) && (/了$/u.test(kw.text) || /^\s*了/u.test(r.clean.slice(kw.end)))) continue;
    // K7Q2 督办过了 等反馈就行, @刘网格 K7Q2 我已经督办了 你抓紧反馈: done, and what comes next told.
    if (kind === 'supervise' && !addressed && ((/^\s*(?:过了?|了)\s*\S/u.test(r.clean.slice(kw.end)) && [...r.clean.slice(kw.end).replace(/[^\p{Script=Han}]/gu, '')].length >= 4 && !r.question) || (r.personFirst === true && /已经?\s*$/u.test(r.clean.slice(0, kw.start))))) continue;
    // 运动会这边交给小吴了: another matter handed to a colleague, not the case.
    if (kind === 'reassign' && /(?:这边|那边|这块|那块|的事|工作)\s*$/u.test(r.clean.slice(0, kw.start))) continue;
    // @周网格 K7Q2 催一下家属 让他们先别转: someone else urged, about something else.
    if (kind === 'supervise' && /催/u.test(kw.text) && /^(?:一下|下)?(?:家属|老人|他们|她们|对方|家里人|儿子|女儿)/u.test(r.clean.slice(kw.end))) continue;
    // 周网格 X6CU 抓紧啊: said to the colleague called by name first, not to the bot.
    if (kind === 'supervise' && !addressed && calledByName(t) && !atHead(r.toks, kw)) continue;
    // X6CU 本来想转给老周的 后来…: what was meant once, not done, told.
    if (!addressed && /(?:本来|原来|本)想\s*$/u.test(r.clean.slice(0, kw.start))) continue;
    // 对 手滑 想督办E9PH来着: meant once, not done, told.
    if (!addressed && /想\s*$/u.test(r.clean.slice(0, kw.start)) && /来着/u.test(r.clean.slice(kw.end))) continue;
    // K7Q2 周一我亲自跟周网格去一趟: 跟 is "with" a colleague, going together.
    if (kind === 'supervise' && /跟$/u.test(kw.text) && /^\s*(?:\p{Script=Han}{1,3}(?:网格|社区|督导|警官|民警)|[老小]\p{Script=Han}|他|她|他们)\s*(?:一起|一块儿?)?\s*(?:去|过去|上门|走|跑)/u.test(r.clean.slice(kw.end))) continue;
    // X6CU 刚才改派了 周网格你别去了: a hand-over told as done, the old assignee told to stand down.
    if (kind === 'reassign' && !addressed && /^\s*了/u.test(r.clean.slice(kw.end)) && /(?:你|您)(?:就)?(?:别|不用|不要)/u.test(r.clean.slice(kw.end))) continue;
    // @钱警官 V9CL 麻烦您督办一下: asked of the person named, not of the bot.
    // @王社区 X6CU 你那边督促一下网格员: the same, with 那边.
    if (kind === 'supervise' && r.others.length > 0 && !ctx.mention && !r.mentionsBot && /(?:您|你)(?:那边|这边|那里|那儿)?\s*(?:来|帮忙|帮着|给|再|去)?\s*$/u.test(r.clean.slice(0, kw.start))) continue;
    // 撤销得好, 转得及时: the command done, praised.
    if (/^\s*得/u.test(r.clean.slice(kw.end))) continue;
    // 王书记 K7Q2 麻烦您督促一下网格员, @冯中心 K7Q2 你们中心那边也盯一下, @钱警官 督办K7Q2的事辛苦您了: a
    // person called first and spoken to (你, 您), or thanked; not the bot asked.
    if (kind === 'supervise' && !ctx.mention && !r.mentionsBot && ctx.room !== 'private' && (r.others.length > 0 || CALLED_FIRST.test(r.body.trim())) && (/你|您/u.test(r.clean.slice(0, kw.start)) || /(?:辛苦|谢谢|感谢|麻烦)(?:您|你)/u.test(r.clean))) continue;
    // @网格哨兵 收到C3RK 我现在过去…你们先帮我盯一下: a worker asking colleagues to keep an eye, not 督办.
    if (kind === 'supervise' && !overseer && /(?:你们|大家|帮我|帮忙)\s*$/u.test(r.clean.slice(0, kw.start))) continue;
    // 反馈 K5LR 已报警 交给钱警官了: what was done, told in the worker's report.
    if (leads && !overseer && readOutcome(r) !== null && kws.some((k) => k.kind === 'report' && atHead(r.toks, k))) continue;
    if (leads && !overseer) {
      const handing = kind === 'reassign' && typed !== null && ctx.members !== undefined && pickTarget(r.body, r.others, ctx.members, r.handedTo) !== null;
      // 转派 K7Q2 @李网格, X6CU 我也帮着督办: a lead's command on a case; 转给大家看看 is not.
      const onCase = typed !== null && typed.source !== 'unknown';
      // 好的 我盯着呢 from a worker: their own work, told; no 督办 asked of the bot.
      if (kind === 'supervise' && /^[我俺]/u.test(kw.text) && !addressed && !onCase) continue;
      // E6NS 我在工行门口盯着呢, U9BN 这次得盯紧点: a worker keeping an eye, told, even on a case named; only the
      // word 督办 (or its kin) leading the message is a command a worker is told they may not give.
      if (kind === 'supervise' && !addressed && !atHead(r.toks, kw) && !/督办|督促|催办|督查|都办/u.test(kw.text)) continue;
      // 督办 J6NA: the command begun with its keyword and an id, whatever the id, is answered.
      if ((atHead(r.toks, kw) && (onCase || addressed || bare(t, kw) || (typed !== null && r.toks[0] === kw))) || handing || (onCase && kind !== 'reassign')) return refuse('not_allowed', '帮助', say.leadsOnly);
      continue;
    }
    const quoted = ctx.quote?.from === 'bot' && ctx.quote.caseId !== null;
    // 更正一下，明天会议在二楼: without a case, only a message to the bot counts, or the bare keyword.
    // 督办一下那个紧急的, 帮我转给李网格: a lead's command begun without its case (取消 is too common a word).
    // 撤销的那几单不用再管了 speaks of cases, it does not command.
    const after = r.body.slice(kw.end).replace(/^\s+/u, '');
    const named = kind === 'reassign' && ctx.members !== undefined && memberIn(after, ctx.members) !== null;
    const headless = overseer && atHead(r.toks, kw) && kind !== 'correct' && kind !== 'bind' && kw.text !== '取消' && ((POINTING.test(after) && !SEVERAL.test(after)) || named);
    if (!typed && !quoted && !(addressed || bare(t, kw) || headless || (kind === 'bind' && ctx.role === 'stranger'))) continue;
    if (typed?.source === 'unknown' && overseer && !meant) return unknownCase(t, typed.typed);
    // 把督办两个字放标题上, 它写请督办, 它催一催 on a quoted alert: the word inside a remark about the
    // alert, not a command; on a quote only a clause begun with it (收到 督办中, 已电话催) is one.
    const clauseLed = QUOTE_COMMAND_LEAD.test(r.clean.slice(0, kw.start));
    const byQuoteOnly = quoted && typed === null && !ctx.mention && !r.mentionsBot && ctx.room !== 'private';
    if (byQuoteOnly && !clauseLed) continue;
    if (meant || quoted || (typed?.source === 'text' && (atHead(r.toks, kw) || overseer || kind === 'correct'))) return leadCommand(t, kind, kw, typed);
  }
  // 收到，这单我熟: an acknowledgement first (a word of its own) is not a request for one's cases.
  const ackFirst = head && first.kind === 'ack' && /^(?:\s|$)/u.test(r.clean.slice(first.end));
  const phrase = typed || ackFirst ? null : phraseCommand(t);
  if (phrase) return phrase;
  // 转 X6CU 给李网格, K7Q2给周网格: a lead handing a case to a named member.
  // 转 X6CU 给李网格 without the roster: a roster-shaped name after 给.
  const given = overseer && typed?.source === 'text' && !ctx.members && !handOverTold(t) && !PUT_OFF.test(r.clean) && !/(?:是对的|没错|挺好|不错|合适)(?:\s|$|[，,。])/u.test(r.body) ? /给\s*([\p{Script=Han}]{1,3}(?:网格员|网格|社区|督导))/u.exec(r.body)?.[1] : undefined;
  if (given) return act({ kind: 'reassign', caseId: typed!.id, to: given });
  // 刚刚上门处置 W5RA 已劝阻成功: 处置 after a verb is the work done, not the keyword 反馈.
  const anyReportKw = kwOf(t, 'report');
  // 回复一下钱警官：K7Q2已报警…: 回复 to a person named, not a report.
  const toPersonReply = anyReportKw !== undefined && /^回复/u.test(anyReportKw.text) && /^\s*(?:一下)?\s*(?:[王李周陈刘吴郑赵钱孙马何林]\p{Script=Han}{0,3}|\p{Script=Han}{1,3}(?:警官|督导|社区|书记|主任|所长|网格))\s*[:：]/u.test(r.body.slice(anyReportKw.end));
  const reportKw = toPersonReply || (anyReportKw?.text === '处置' && !atHead(r.toks, anyReportKw) && /\p{Script=Han}$/u.test(r.clean.slice(0, anyReportKw.start))) ? undefined : anyReportKw;
  // 反馈模板是 方式加结果: the form of a report explained, not a report.
  const explained = reportKw !== undefined && /^(?:的)?(?:模板|格式|方式|流程|要求|规范)/u.test(r.clean.slice(reportKw.end));
  const outcome = explained ? null : readOutcome(r);
  // 返馈 / 反溃 / 反会: 反馈 misspelt by voice input or a slip; read, but asked first.
  // 反馈的时候别光写劝阻成功, 反馈不要只写已处理: how to report, told to people; the result word is an example.
  // 反馈个事 三号楼那个独居老人住院了 这几天家里没人: news brought to the room, no case in it.
  if (outcome && reportKw && !typed && !addressed && /^\s*(?:的时候|时候|时|的话|不要|别|要|得|一定|必须|务必|个事|一个事|件事|一件事|个情况|一个情况)/u.test(r.clean.slice(reportKw.end))) return IGNORE;
  // 帮我查下X6CU 那边停电了网格员电话打不进: 查 and a case first; the outcome words after it are why.
  const lookUp = kwOf(t, 'query');
  if (outcome && !reportKw && lookUp && /^查/u.test(lookUp.text) && !/^\s*[了过]/u.test(r.clean.slice(lookUp.end)) && atHead(r.toks, lookUp) && typed && typed.source !== 'unknown' && !ctx.openCases.some((c) => c.id === typed.id)) return caseQuery(t, typed);
  if (outcome) return report(t, typed, meant, reportKw !== undefined && !/^(?:返馈|反溃|反会)$/u.test(reportKw.text));
  const idTok = r.toks.find((x) => x.t === 'id');
  const queryKw = kwOf(t, 'query');
  // 查询 K7Q2 处置情况: the query comes first; 处置 is what is asked about.
  if (queryKw && reportKw && queryKw.start < reportKw.start && atHead(r.toks, queryKw) && typed) return caseQuery(t, typed);
  // X6CU处置结果, K7Q2 多久能有结果: asking for the result, not giving one.
  // 有结果马上说 promises the result; it does not ask for it.
  // K7Q2 的结果给我看看: asked to be shown.
  const resultAsked = (r.question || r.softQuestion || /结果\s*(?:(?:给我|发我|让我)\s*(?:看看|看下|看一下|瞧瞧|说说|发一下)?|看看|看下|发一下|发下|发我)?\s*$/u.test(r.clean)) && (addressed || !GIVE_ME.test(r.clean));
  if (reportKw && /结果/.test(r.body) && resultAsked && typed && idTok && idTok.start < reportKw.start && typed.source !== 'unknown') return caseQuery(t, typed);
  // 看一眼 X6CU 的处置记录: 处置 names what is asked about.
  if (reportKw && typed && typed.source !== 'unknown' && /^(?:的)?(?:记录|情况|进度|详情|过程|时间线)/u.test(r.body.slice(reportKw.end))) return caseQuery(t, typed);
  const strongAck = r.toks.find((x) => x.t === 'kw' && x.kind === 'ack' && STRONG_ACK.includes(x.text));
  // T9KE 收到 到了回复: the acknowledgement comes first; 回复 is what will follow.
  if (strongAck && reportKw && strongAck.start < reportKw.start) return acknowledge(t, typed, strongAck, meant);
  const onlyKeyword = reportKw !== undefined && r.toks.every((x) => x === reportKw || x.t === 'particle' || x.t === 'filler' || x.t === 'id');
  const withMethod = reportKw !== undefined && atHead(r.toks, reportKw) && r.toks.some((x) => x.t === 'method');
  // 有结果马上说, 等结果: 结果 mid-sentence names the outcome to come; it does not announce one.
  // C8JE 这个下午三点前给我反馈, X6CU 反馈是对的, 都反馈完了: 反馈 asked of people or talked about, not given;
  // 到了第一时间反馈, 接了 J5WE 一会儿反馈: promised;
  // 反馈要及时 超过半小时…: a rule about it; 反馈一下 本周劝阻成功5起: a tally.
  // 赵督导说K7Q2再不反馈就要通报了, 反馈得挺及时, 这个结果我看了: a threat, praise or a reading of it.
  // 等刘网格B8LD那边反馈了我再统一处理: someone else's report awaited; K7Q2 还没反馈 人呢: none given yet;
  // 从推送到反馈每一步的时间: a stage of the case named; V3PX反馈里写的“未接通”: what a report said.
  const awaited = reportKw !== undefined && /等/u.test(r.clean.slice(0, reportKw.start)) && /^\s*(?:完|过)?了?\s*(?:我|咱|咱们)?再/u.test(r.clean.slice(reportKw.end));
  const talkedAbout = reportKw !== undefined && (awaited || (!atHead(r.toks, reportKw) && /(?:给我|给个|及时|尽快|记得|等|前|要|再不|还不|第一时间|随时|(?:到了|回来|完了|之后|后|一会儿?|待会儿?|等会儿?|晚点|稍后|回头)再?|已经|一看已经|(?<![反返])(?:还|一直|都)?(?:没有?|未|冇|冒)|从\p{Script=Han}{1,6}到)\s*$/u.test(r.clean.slice(0, reportKw.start))) || /^\s*(?:得|(?:写|填|做|报|弄)得|(?:里|上|中)(?:写|填|说)|[我俺]?看了|[我俺]?看过|素材|材料|稿|是对|是错|是(?:及时|按时|准时)|没问题|对的|不用改|没错|无误|很|挺|非常|比较|不够|不太|还算|及时|规范|的时候|时|过了|过|完了|完|个事|一个事|件事|一件事|个情况|一个情况|个问题|一个问题|(?:要|得|必须|务必|一定要?|都要)\s*(?:及时|准时|快|尽快|认真|详细|准确|规范|写|注明|带))/u.test(r.clean.slice(reportKw.end)));
  const announces = reportKw !== undefined && !explained && !talkedAbout && !talliesResults(r) && (reportKw.text !== '结果' || atHead(r.toks, reportKw) || onlyKeyword);
  if (reportKw && announces && !r.governed.includes('plan') && (addressed || typed !== null || onlyKeyword || withMethod)) return refuse('missing_result', `反馈 ${typed?.id ?? t.exampleId} 上门 劝阻成功`, say.missingResult);
  const ackTok = r.toks.find((x) => (x.t === 'kw' && x.kind === 'ack') || (x.t === 'weak' && atHead(r.toks, x)));
  // 嗯 查一下 X6CU: a filler before the request, not an acknowledgement.
  if (ackTok && !(ackTok.t === 'weak' && kwOf(t, 'query'))) return acknowledge(t, typed, ackTok, meant);
  // @刘网格 赶紧下来挪: said to the colleague named, like an acknowledgement to someone else.
  const going = onTheWay(r) && !(r.others.length > 0 && !r.mentionsBot) ? caseOnTheWay(t, typed) : null;
  if (going) return going;
  const query = kwOf(t, 'query');
  // 到W7DK楼下了 上去看看, 我打个电话看看: going to look or trying, not asking to be shown.
  // 等会儿去B8WK家回访一下 看看老人情绪: 看看 in a message that plans a visit is the visit.
  const goingToLook = query !== undefined && /^看(?:看|下|一下|一眼)/u.test(query.text) && ((r.governed.includes('plan') && /去|回访|上门|走访/u.test(r.clean.slice(0, query.start))) || /(?:上去|过去|进去|下去|再去|去|上门|回家|回去|到家|过来|打个?电话|打一?下电话|问问|问一下|试试|试一下|联系一下|联系下|等等|等一下|给\p{Script=Han}{1,4}|\s[我俺]?先|[我俺]先)\s*$/u.test(r.clean.slice(0, query.start)) || /^\s*(?:我的?消息|我发的|群里|上面|照片|图片)/u.test(r.clean.slice(query.end)));
  // @王社区 帮我查一下 X6CU 的地址: asked of a colleague.
  if (query && !addressed && r.others.length > 0) return IGNORE;
  // 查 1234, 查一下那个老太太的单: 查 first, and no case.
  // 查了一下这个号码: a look-up told as done.
  // 有点进展了: progress told, not asked.
  // 明天9点跟我去银行 再看看: "we'll see", not 看看 asked of the bot.
  // 我看了下记录 X6CU 是十点零五推的: the sender looked already and tells what was found.
  // X6CU 进展我下午汇总一下发群里: what the sender will do with it, told.
  // 人家夸咱们记录写得全: the record praised, not asked for.
  const told = query !== undefined && ((/^(?:查|进展|进度)/u.test(query.text) && /^\s*(?:[了过]|不到|不着|不出)/u.test(r.body.slice(query.end))) || /^\s*(?:写得|写的|做得|记得|挺|很|真|太|还行|还可以|不错|顺利|一般)/u.test(r.body.slice(query.end)) || /^\s*[我俺](?:下午|晚上|明天|待会儿?|一会儿?|等下|回头|稍后)?\p{Script=Han}{0,2}?(?:汇总|整理|统计|发群|写)/u.test(r.clean.slice(query.end)) || /(?:看|查|翻|对)(?:了|过)(?:一?下|一遍|下子)?\s*$/u.test(r.clean.slice(0, query.start)) || (/^看看$/u.test(query.text) && /再\s*$/u.test(r.body.slice(0, query.start)) && r.body.slice(query.end).trim() === ''));
  // 推送延迟了两分钟 我查下服务器: the sender's own look at the system, told.
  const ownLookUp = query !== undefined && /[我俺](?:先|来|去)?\s*$/u.test(r.clean.slice(0, query.start)) && /^\s*(?:一下|下|查)?\s*(?:服务器|系统|后台|日志|网络|原因|配置|监控|数据库|接口|代码)/u.test(r.clean.slice(query.end));
  // 我让小陈去查E9PH那个地址了: someone sent to look it up, told.
  // 回头让林管理查查是不是我手机的问题: the same, said without 去.
  const sentToLook = query !== undefined && /(?:让|叫|派)\p{Script=Han}{1,4}去?\s*$/u.test(r.clean.slice(0, query.start));
  // 查这个得有手续: a rule about looking things up.
  const ruleOfLooking = query !== undefined && /^\s*(?:这个|这种|这些)?\s*(?:得|要|需要|必须)(?:有|走|办|开|经过)/u.test(r.clean.slice(query.end));
  // 查一下明天的天气, 查水表的来了, 查户口的民警: 查 of something that is not a case.
  const caseLike = query !== undefined && /^\s*(?:一下|下|个|询)?\s*(?:\d|那个|这个|刚才|上午|下午|昨天|老人|老太太|老头|大爷|大妈|阿姨|户(?!口|籍)|单|案|件|预警|线索|$)/u.test(r.body.slice(query.end));
  // 给我看下手上的单: the sender's own cases, asked for with 看下.
  // 明天我跟钱警官去几个小区转转，看看宣传搞得怎么样: a plan for later, told.
  if (query && !typed && !(!addressed && r.governed.includes('plan')) && readFreeForm(r, addressed) === 'mine') return act({ kind: 'mine' });
  // 查一下, 这单进展 on the bot's message about a case: that case.
  // 卡已经让银行先冻上了 还在跟她核对转账记录, on the reminder of a case taken: work going on, told.
  const quotedId = ctx.quote?.from === 'bot' ? ctx.quote.caseId : null;
  const workingOnQuoted = !plainlyToBot(r, ctx) && query !== undefined && quotedId !== null && ctx.openCases.some((c) => c.id === quotedId && c.acknowledged) && (IN_PROGRESS.test(r.clean) || AT_WORK.test(r.clean));
  if (query && !typed && !goingToLook && !told && !ownLookUp && !sentToLook && !workingOnQuoted && !(ctx.quote?.from === 'bot' && !plainlyToBot(r, ctx) && (ASKED_OF_PEOPLE.test(r.clean) || SHOWN_TO_ROOM.test(r.body) || NOT_STATUS.test(r.body))) && ctx.quote?.from === 'bot' && ctx.quote.caseId) return caseQuery(t, null);
  // 好 几点: when something is, asked of people; only with a case (X6CU 几点推的) is it the bot's.
  if (query && !typed && !told && !ruleOfLooking && !(/^(?:几点|多久)$/u.test(query.text) && !addressed) && (bare(t, query) || (/^查/u.test(query.text) && atHead(r.toks, query) && (caseLike || addressed)))) return refuse('missing_case_id', `查 ${t.exampleId}`, say.missingCaseId);
  // r2xc 正在核对转账记录: 记录 is what the sender is at work on.
  // …在查, 正在看: the sender at it.
  const atWork = !addressed && query !== undefined && (AT_WORK.test(r.clean.slice(0, query.start)) || /(?:正在|还在|在|正)\s*(?:(?:帮|给|替)\p{Script=Han}{1,4})?\s*$/u.test(r.clean.slice(0, query.start)));
  // F3LM 老人把聊天记录给我看了: the victim's records, not the case's.
  const theirRecords = query?.text === '记录' && /(?:聊天|转账|通话|交易|银行|微信|支付宝|流水|通讯)\s*$/u.test(r.clean.slice(0, query.start));
  // U7BF 什么情况我也不清楚 问问社区吧: sent on to the people who know.
  const passedOn = !addressed && ASKED_OF_PEOPLE.test(r.clean);
  // 大家看看这个话术, 今天的日报大家看下, quoting the bot's message: the room shown it, not the bot asked.
  const shownToRoom = ctx.quote?.from === 'bot' && !plainlyToBot(r, ctx) && SHOWN_TO_ROOM.test(r.clean);
  if (query && !told && !ownLookUp && !sentToLook && !atWork && !theirRecords && !goingToLook && !passedOn && !shownToRoom && (addressed || typed?.source === 'text' || typed?.source === 'typo' || (atHead(r.toks, query) && typed !== null))) return caseQuery(t, typed);
  // K7Q2 那户的情况给我说说, D5GU 的时间线拉一下, T9QC 的地址再发我一遍: asking for what the bot holds.
  // 好，K7Q2 明天给我个结果: a deadline set for the worker, not a request to the bot.
  // F2ZT 还在做工作…再给我十分钟, Y6VJ 正在做工作 让老人把聊天记录翻给我看: work on the sender's own case, told.
  const ownAtWork = typed !== null && ctx.openCases.some((c) => c.id === typed.id && c.acknowledged) && !addressed && (IN_PROGRESS.test(r.clean) || GOES_ON.test(r.clean));
  if (typed && typed.source !== 'unknown' && !outcome && !goingToLook && !ownAtWork && !r.governed.includes('plan') && kws.every((k) => k.kind === 'query' || k.kind === 'report') && asksForInfo(r.body) && (addressed || !GIVE_ME.test(r.clean))) return caseQuery(t, typed);
  // V9LA 的情况, X6CU 最新进展: the case and what is asked of it, nothing more.
  if (typed && typed.source !== 'unknown' && idTok && r.clean.slice(0, idTok.start).trim() === '' && /^\s*(?:的)?\s*(?:情况|进展|进度|结果|详情|状态|最新情况|最新进展|最新|最新的|地址|位置|在哪|负责人|谁负责|谁在跟|(?:推|提醒|催|督办)了?几次了?)\s*$/u.test(r.clean.slice(idTok.end))) return caseQuery(t, typed);
  // Y2BR 老人家里来客人了 我在楼道等一会: news on a case already taken, said to the room.
  if (typed && ctx.openCases.some((c) => c.id === typed.id && c.acknowledged) && !plainlyToBot(r, ctx)) return IGNORE;
  if (typed && ctx.openCases.some((c) => c.id === typed.id) && addressed) return refuse('not_understood', `反馈 ${typed.id} 上门 劝阻成功`);
  // 在跟了, 接到 马上安排 on a quoted escalation alert: the lead takes it on (督办).
  const alert = alertTakenOn(t, typed);
  if (alert) return act({ kind: 'supervise', caseId: alert });
  // 辛苦了, 谢谢 on a quoted bot message: thanks, not a request; 在跟了 on a summary: news, not a request.
  if (SOCIAL.test(r.body.trim())) return IGNORE;
  if (ctx.quote?.from === 'bot' && ctx.quote.kind === 'other' && !ctx.mention && !r.mentionsBot && ctx.room !== 'private') return IGNORE;
  // 又是刷单的, 嗯 看到了 on someone else's case: a remark for the room, not for the bot.
  const quotedCase = ctx.quote?.from === 'bot' ? ctx.quote.caseId : null;
  if (quotedCase && !ctx.openCases.some((c) => c.id === quotedCase) && !ctx.mention && !r.mentionsBot && ctx.room !== 'private') return IGNORE;
  // 还在做工作 稍等, on the reminder of a case the sender has taken: progress told, nothing to do.
  if (quotedCase && ctx.openCases.some((c) => c.id === quotedCase && c.acknowledged) && !ctx.mention && !r.mentionsBot && ctx.room !== 'private' && IN_PROGRESS.test(r.body)) return IGNORE;
  // @吴网格 刚打了 老人说在外面, on the bot's reminder: told to the colleague named.
  if (r.others.length > 0 && !ctx.mention && !r.mentionsBot && ctx.room !== 'private') return IGNORE;
  // 天呐 又是冒充公检法的, 今天第四单了 on the bot's message: a remark on it, with no word for the bot.
  if (ctx.quote?.from === 'bot' && !plainlyToBot(r, ctx) && kws.length === 0) return IGNORE;
  return addressed ? refuse('not_understood', '帮助') : IGNORE;
}

/** 今天全社区多少单, 全所的数据给我看看, 统计一下今天的: figures asked for outright. */
const COUNT_ASKED = /(?:多少|(?<![第没那这])几)(?:单|件|起|个预警)|^(?:统计|数据|汇总)|(?:看看|看下|给我|发我)(?:\p{Script=Han}{0,4})(?:数据|统计)|^(?:帮我|给我|麻烦)(?:统计|汇总|出)/u;


/**
 * A request verb: 说说, 看一眼, 拉一下, 发我, 给我, 再发 (not 说说而已, nor 给我看了: done; 给我打电话: someone
 * called; nor 当面说一下, 跟她女儿说一下, 我说一下: the sender's own talk with someone).
 */
const INFO_REQUEST = /(?<![跟和对向听][^\s，,。]{0,3})(说|讲|看|查|瞅|瞧|念|瞄)\1(?!而已)|看一眼|瞅一眼|瞄一眼|拉一下|调一下|发我(?!\p{Script=Han}?[了过])|发给我(?![了过])|(?<![塞送递借还卖])给我(?!\p{Script=Han}{0,2}[了过]|打\p{Script=Han}{0,2}电话|来\p{Script=Han}{0,2}电话|看(?:他|她|了|过|他的|她的)|[\d一二两三四五六七八九十几半]+分钟|点时间|时间)|再发|发一下|(?<!当面|[我俺]|[跟和给对向](?:他|她|他们|她们|老人|家属|\p{Script=Han}{1,3}(?:女儿|儿子|老伴|家属)))(?:说一下|讲一下)|发送|详细信息|(?:联系)?(?:电话|手机号?|号码)(?:是)?多少/u;
/** r2xc 正在核对转账记录: the sender at work on it, not asking. */
const AT_WORK = /(?:正在|在|正)(?:核对|核实|查看|整理|翻|看|调|对|查)/u;
const asksForInfo = (body: string) => INFO_REQUEST.test(body.replace(/哈哈+|呵呵+|嗯嗯+|好好+|谢谢+/gu, '')) && !AT_WORK.test(body);

/** How long a reply is in words: punctuation and spaces do not count (收到...我已经在路上). */
const wordLength = (r: Reading) => [...r.clean.replace(/\s+/gu, '')].length;

const LOOK = /^(?:看看|看下|看一下|查下|查一下|查看|瞅瞅|瞧瞧|再发一下|再发下|再发|列列|列一下|列一列|列下|列个)$/u;

/** 我的 / 统计 / 帮助 alone (with politeness: 帮助 谢谢). */
function soleKeyword(t: Turn): 'mine' | 'stats' | 'help' | null {
  let kind: 'mine' | 'stats' | 'help' | null = null;
  for (const x of t.r.toks) {
    if (x.t === 'kw' && (x.kind === 'mine' || x.kind === 'stats' || x.kind === 'help') && (kind === null || kind === x.kind)) kind = x.kind;
    // 哨兵 帮助: the bot called by name before its command; 我的看一下, 统计我看看: asking to see it.
    else if (!(x.t === 'particle' || x.t === 'filler' || (x.t === 'word' && /^(?:网格)?哨兵$|^我$/u.test(x.text)) || ((x.t === 'kw' && x.kind === 'query') || x.t === 'word') && LOOK.test(x.text))) return null;
  }
  return kind;
}

/** What a question quoting the bot's message asks about its case: its state, who has it, where, how much. */
const CASE_ASKED = /情况|进展|进度|怎么样|咋样|如何|结果|到哪|到了没|到没到|接了没|接没接|接了吗|有人接|没人接|谁(?:在)?(?:跟|接|管|负责|去)|劝住|劝下|劝没|被骗|报警|处理|办(?:完|结|好)|结了|地址|电话|号码|在哪|住哪|几号|哪栋|多大|年纪|损失|多少|现在|咋回事|怎么回事|啥事|什么事|咋了|怎么了|人呢|为啥|为什么|还没|查|看看|看下|反馈|超时|派给|谁|转了没|转出去|联系上|接单|还在跟|回了|有人|去没去|搞了|[了过](?:没有?|吗|么)|^\s*[?？]+\s*$/u;
/** 怎么还没人接, 咋还没去, 为啥还不动: a complaint shaped as a question. */
const COMPLAINT = /(?:怎么|咋|为什么|为啥)(?:还|都)/u;

/** Before a command word: a time gone by or a memory (上次, 昨天, 前两天, 记得…上回): what was done, told. */
const PAST_TOLD = /(?:上次|上回|前两天|前几天|昨天|昨晚|昨儿|前天|去年|上周|上个?月|记得|那会儿?|当时)\p{Script=Han}{0,8}$/u;
/** 我看…八成, 要我说, 我个人意见, 依我看: an opinion put to the room. */
const OPINION = /要我说|依我看|我个人意见|我的意见是|八成|估计是|我看\s*[A-Za-z0-9]{4}/u;

/** 要撤销, 要不要更正, 需要督办: a command weighed, not given and not asked about. */
const WEIGHING = /(?:要不要|要|需要|需不需要|该不该|应该|该|用不用|能不能|可以|是否)$/u;
/** 要不要再去, 该不该报警, 需不需要上门: asking what to do (能不能查一下 is a polite request, not this). */
const ADVICE = /(?:能|可以)收(?:吗|不)|能不能收|(?:要不要|需不需要|需要不需要|该不该|应不应该|用不用|是不是该|是不是得|是不是要)\s*(?:我们|我|咱们|咱)?\s*(?:再|先|还|马上|去|上门|报警|打|联系|通知|找)/u;
/**
 * The case of a quoted escalation alert or reminder a lead takes on (我来, 我马上给李网格打电话, 在跟了), or null.
 * 哎 这个老人家我知道 女儿在国外: what the lead knows of the case; 以后大家早点处理: told to everyone;
 * 他在处理, 说在处理: someone else at it; 看到李网格已经接了 那就不用我了: declined.
 */
function alertTakenOn(t: Turn, typed: FoundCase | null): string | null {
  const { r, ctx } = t;
  const alert = ctx.quote?.from === 'bot' && (ctx.quote.kind === 'escalation' || ctx.quote.kind === 'reminder') ? ctx.quote.caseId : null;
  // 撤销 / 转派 with it: that command decides, not the taking on.
  if (!OVERSEERS.has(ctx.role) || !alert || typed || t.kws.some((k) => LEAD_KINDS.has(k.kind) && k.kind !== 'supervise')) return null;
  // 好的 我问问网格员 on a reminder (the case not escalated yet): only taking it over (我来, 我来催, 我盯着) is 督办.
  if (ctx.quote?.from === 'bot' && ctx.quote.kind === 'reminder' && !TAKE_OVER.test(r.body)) return null;
  const notMine = /大家|你们|各位|以后/u.test(r.body) || /(?:他|她|他们|说|老\p{Script=Han}|\p{Script=Han}{1,2}(?:网格|社区|警官|督导))\s*(?:也|已经|正|都)?(?:在)?(?:处理|跟|盯|负责|协调|联系)/u.test(r.body) || DECLINED.test(r.clean) || SUPERVISION_NAMED.test(r.clean);
  const knows = /知道|认识|记得|熟悉|听说/u.test(r.body) && !/在跟|跟进|盯|处理|督|催|安排|协调|负责/u.test(r.body);
  return !notMine && !knows && TAKES_ON.test(r.body) ? alert : null;
}
/** 我来问问小李啥情况, 给李网格打电话问一下他在哪: the question is what the sender will find out. */
const FINDS_OUT = /[我俺](?:来|去|先|马上|这就|现在就?)?(?:给\p{Script=Han}{1,4})?(?:问问|问一下|问下|了解一下|了解下|打电话问|打个电话问|电话问|看看)/u;
/** 督办单太多了, 督办提醒一天十几条: 督办 the thing, talked about. */
const SUPERVISION_NAMED = /督办(?:单|件|令|通知|提醒|消息)?(?:也|都|真|实在)?(?:太多|太频|这么多|多了|次数|频率|率)/u;
/** 那就不用我了, 不用督办了, 已经有人去了: the alert declined or already met. */
const DECLINED = /不用我|用不着我|不用督办|无需督办|不需要督办|(?:已经|已)有人(?:去|接|在)|(?:网格|\p{Script=Han}{1,2})(?:已经|已)接了/u;
/** 收到大家的意见, 收到预警的同志请…: 收到 of a thing, or a noun phrase, not the alert acknowledged. */
const RECEIVED_OTHER = /^\s*收到了?\s*(?:大家|各位|你们|您|领导)|^\s*收到\p{Script=Han}{1,6}的(?:同志|网格员|同事|人|单位)|^\s*收到(?:意见|建议|反馈|通知|材料)/u;

/** 督办一下那个紧急的: a command that points at a case in words instead of an id. */
const POINTING = /^(?:一下\s*|下\s*)?(?:那个|这个|那|这|刚才|刚刚|上午|下午|昨天)(?:的)?(?:$|\p{Script=Han}{0,4}?(?:单|案|件|预警|线索|紧急|高危|中危|低危|的$|户))/u;
/** 那几单, 这些: several cases spoken of, not one pointed at. */
const SEVERAL = /^(?:一下|下)?(?:那|这)(?:几|些)/u;
/** 在跟了, 我马上打电话催, 接到 马上安排: a lead's remark on a quoted alert that takes it on. */
/** 我来处理, 交给我, 我这边处理: a lead taking a case over (not 我这就安排人, 我亲自去一趟). */
/** What may come before a lead's keyword that begins its clause on a quoted message: 收到 督办, 已电话催, 我来督办, 这单我盯着, 这条作废. */
const QUOTE_COMMAND_LEAD = /(?:^|[\s\p{P}\p{S}])\s*(?:收到|好的?|明白)?\s*(?:这个单子|这单子|这单|这条|这个|那单|那条|这件|此单|该单|该条)?\s*(?:为\p{Script=Han}{1,6}[，,]\s*)?(?:马上|立即|立刻|这就|已经?|先|我来?|我这边|俺|我先)?\s*(?:请予?|需要|要|得|应该)?\s*(?:电话|打电话)?\s*$/u;
const TAKE_OVER = /我来(?!过(?!问))|交给我|(?:我这边|我亲自|我去现场|我)(?:处理|协调|督|催|管|盯|跟|负责)/u;
/** 您, @赵督导: the lead answers a person. */
const TO_A_PERSON = /您|@|(?<![让叫请给])你(?!们)/u;
/** 李网格已经, 他正在, 老周: someone else the subject, right before the acknowledgement. */
const THIRD_PERSON = /(?:他|她|(?:他|她)?(?:儿子|女儿|闺女|媳妇|老伴|家属|家人)|\p{Script=Han}{1,2}主任|\p{Script=Han}{1,2}网格员?|\p{Script=Han}社区|老\p{Script=Han}|小\p{Script=Han}|\p{Script=Han}[哥姐])\s*(?:已经|已|正在|也|都|刚|早就|马上)?\s*$/u;
/** What the bot does, named in a question put to it: 接单, 反馈, 宣传, 作废, 照片. */
const BOT_WORK_ASKED = /怎么报|咋报|如何报|接单|反馈|宣传|编号|作废|撤销|转派|督办|更正|重办|绑定|照片|图片|待办|回复|确认|登记|撤回|值班|请假|换班|收到|金额|误报|拒绝配合|劝阻成功|未接通|怎么玩|咋玩/u;
/** 收到 W6QH 的家属电话: something of the case's received, which is not its push (预警, 派单, 任务). */
const RECEIVED_THING = /^收到了?\s*[A-Za-z0-9]{4}\s*的\s*(?!预警|派单|单子|单|任务|推送|消息|通知|案子|案件|信息|提醒|催办|督办)\p{Script=Han}/u;
/** 谁知道, 有没有人认识, 谁离得近, 我记得是…？: a question for the people in the room. */
/** 老人打电话问钱能不能追回来, 家属一直问: someone else asking, told to the room. */
const THEIR_QUESTION = /(?:老人|家属|他|她|对方|人家|大爷|大妈|阿姨|老太太|老头|儿子|女儿)[\p{Script=Han}\s]{0,12}(?<![我请])问(?![下一问题])\s*\p{Script=Han}{0,12}(?:能不能|吗|是不是|有没有|什么|多少|怎么|哪|咋)/u;
const ASKED_OF_PEOPLE = /^\s*(?:大家|各位)|谁(?:还)?有(?!人)|谁帮|谁(?:转|派|撤|改)(?:的|给|来)|给个准话|没权限|有没有懂|谁查过|谁知道|谁认识|谁\p{Script=Han}{0,5}(?:一下|一趟|一声|说声)|(?:咱们|我们|你们|有)谁|谁会说|(?:上次|之前|以前|去年|上回)\p{Script=Han}{0,6}?(?:来过|见过|去过|参加过|报过)|吱声|吱一声|(?:有啥|有什么)(?:要|需要)帮忙|(?:听说|据说)\p{Script=Han}{0,16}(?:吗|\s|$)|(?:得|要|去|先)问问|要不要\p{Script=Han}{0,6}(?:反馈|上报|报一下|说一下)|怎么又|咋又|我也(?:说不清|不清楚|不知道|搞不清)|等\p{Script=Han}{1,3}回来|有没有人(?:跟我|帮我|能|愿意|有空)|问问\p{Script=Han}{1,3}吧|有经验|支个招|支招|我记得|我印象中?|印象中|谁知道|谁认识|谁晓得|谁熟|有没有人(?:知道|认识|熟|去过)|有人(?:知道|认识)|谁离得近|谁离得最近|谁(?:离这|离那)?(?:近|最近)|谁在附近|谁顺路|谁能(?:去|帮|跑)|谁可以(?:去|帮)|(?:帮我|帮忙|替我)(?:去|跑)|谁有空|谁方便|重复推送|推重复|推重了|同一个人/u;
/** 给我个结果, 三点前给我反馈: asked of the people on the case. */
const GIVE_ME = /给我(?:个|一个)?(?:结果|反馈|答复|回话|回复|说法|交代)|前(?:给我)?(?:反馈|回复|答复)/u;
/** 材料, 开会, 工作证, 王姐: an acknowledgement answering someone about another matter. */
const OTHER_MATTER = /材料|照片|资料|文件|(?<![刚在]|在[^\s，,]{1,5})会议|(?<![刚在]|在[^\s，,]{1,5})开会|例会|通知|工作证|签到|考勤|公告|报销|打印|培训|报名|表格|台账|周报|月报|快递|外卖|聚餐|体检|请假|换班|值班|[姐哥嫂婶舅]|(?<![大老阿])[妈爸]|(?:回来|回家)吃饭|你们先吃|先吃吧|不用等我|多穿|降温/u;
/** 快递, 外卖小哥, 维修师傅, 物业, 我妈: daily life, not the person of a case. */
const ELSEWHERE = /快递|外卖|维修|师傅|物业|门禁|电梯|保安|房东|司机|我妈|我爸|老婆|老公|媳妇|打印机|广场舞/u;
/** 收到请回复, 请回复收到, 看到回个1: a notice asking people to answer it. */
const REPLY_REQUESTED = /收到请回复|收到(?:的)?请?回(?:复|个)|请回复收到|看到(?:的)?请?回(?:复|个)|回个收到|扣1|回个1/u;
// 我来, 我去看看, 俺盯着 take it on; 我妈, 我有 (家属电话我有) do not.
// 家属刚给我打电话了, 借别人电话跟我说的, 这条跟刚才那条: someone else calling or telling, or a comparison; not taking it on.
// 我来, 我去看看, 俺盯着, 收到 马上协调, 在跟了, 已电话催网格员 take it on (a clause begun with the verb);
// the verb inside someone else's clause does not: 整栋楼都听得见,
// 把督办两个字放标题上, 它催一催 咱们数据就好看 (a remark on the alert, train-quiet93).
const TAKES_ON = /(?<![给跟和对向])[我俺](?:(?:来|去)(?!过(?!问)|[年念])|看(?=看|一下|下|一眼)|(?:现在|这会儿?|立马|立刻)就?(?:去|过去|来|打|联系|问)|再(?:打|催|问|联系)|过去|马上|这就|先|亲自|这边|跟|盯|催|督|管|负责|处理|协调|联系|安排|过问|问|打|了解)|(?:^|[\s，,。!！；;])\s*(?:(?:收到|好的?|接到|明白|嗯+)[\s，,。!！]*)?(?:马上|立即|立刻|这就|正在|已经|已|在)?(?:电话|打电话)?(?:在跟|跟进|跟一下|跟下|跟着|跟踪|跟紧|盯|催|督|安排|过问|看一眼|负责|处理|协调|联系|整(?!栋|个|天|年|体|理|齐|改|片|条|夜|晚|层|楼))/u;

/** The keyword commands with arguments, read in the loop of decideCase. */
const LEAD_KINDS = new Set<WordKind>(['correct', 'reopen', 'reassign', 'cancel', 'supervise', 'bind']);

/** Lead keywords other than 转派: with one of them, a named member is not a hand-over (督办 K7Q2 让周网格尽快上门). */
const OTHER_LEAD_KINDS = new Set<WordKind>(['supervise', 'cancel', 'reopen', 'correct', 'bind']);

/** 已经转给, 已派给, 已经交给: a hand-over told as done. */
const HANDED_ALREADY = new RegExp(`(?:已经|已|刚才|刚刚)\\s*(?:${FREE_FORM.reassignBefore.join('|')})|(?<![别不没])(?:让|叫|派)\\p{Script=Han}{1,5}(?:直接)?(?:过去|去|接手|接|上门)了`, 'u');

/**
 * With the roster: a lead or supervisor pointing a case (typed, or the quoted bot message) at a
 * member: 让周网格去一趟, 由吴网格负责, 刘网格请假了 改给吴网格, @刘网格 这单你接一下.
 */
/** 要不还是让他去, 不如让李网格去: a suggestion, not an order. */
const SUGGESTED = /要不(?!要)|不如|建议|我觉得|我看(?:还是|就)/u;
/** 转派给周网格的事先缓一缓, 先别转: a hand-over talked about or put off. */
const PUT_OFF = /的事(?:先|再说|回头|等|以后)|[的这]事\p{Script=Han}{0,8}?再(?:定|说|议|商量)|等\p{Script=Han}{1,6}(?:回来|来了|到了|批了?|同意)再|明天再转|回头再转|缓一缓|缓缓|暂缓|先放放|先等等|再等等|先(?:别|不|不要)(?:转|派|给|换)/u;

/** A hand-over talked about, not made: its story, something else given or moved, or one already done. */
function handOverTold(t: Turn): boolean {
  const { r } = t;
  // X6CU的老人用的华为Mate60吧 @周网格 你上回给装APP那个: the colleague reminded of something past, not handed the case;
  // X6CU昨天转派给李网格那会儿…, K7Q2从周网格转到吴网格 中间耽误了快半小时 复盘的时候要说: a hand-over's story.
  if (!t.addressed && (/(?:你|您)(?:上回|上次|之前|以前|那天|前几天|去年)/u.test(r.clean) || /那会儿?|当时|复盘|耽误了/u.test(r.clean) || (PAST_TOLD.test(r.clean.replace(/\s*(?:转派|改派|转给|派给|交给|转到|改给)[\s\S]*$/u, '')) && !/^\s*(?:转派|改派)/u.test(r.clean)))) return true;
  // @陈网格 R2XC去的时候带几份折页: what to do when the colleague goes, not the case handed over.
  if (!t.addressed && /(?:去|过去|上门)的时候|到了以后|到那(?:儿|边)?(?:以后|后)/u.test(r.clean)) return true;
  // X6CU那老太太非要给周网格塞苹果: something given to the colleague, not the case; 那笔钱是转给券商的: money moved;
  // 那个预警的原始截图我转给钱警官了: a paper or picture forwarded.
  // 锦旗…是给周网格的, 给周网格、陈网格点个赞: something for the colleague, praise.
  if (/给\s*@?\p{Script=Han}{1,4}(?:[、，,和]\s*@?\p{Script=Han}{1,4})*\s*(?:塞|送|带|买|拿|递|倒|泡|煮|做|织|夹|打电话|发消息|发红包|点个?赞|鞠躬|鼓掌|记功|发奖)|是给\s*\p{Script=Han}{1,4}的/u.test(r.clean) || /(?:钱|款|笔)\p{Script=Han}{0,4}转给|(?:截图|照片|图片|材料|资料|文件|录音|视频|记录|号码|信息|链接)\p{Script=Han}{0,3}?转给|转给\p{Script=Han}{0,4}(?:券商|银行|账户|卡上|对方|骗子)/u.test(r.clean)) return true;
  // K7Q2下午赵督导已经转给刘网格了, 刚才冯中心那边已经改派了, @周网格 X6CU下午已经转到你名下了 你注意查收一下,
  // X6CU刚才转给周网格那条是我发的 不用再转了: a hand-over done, told to the room or to the colleague.
  // E9PH刚才是赵督导改派给刘网格的: who did it, told; 以后有类似的我都交给你: later cases, not this one;
  // 我让小陈去查E9PH那个地址了: an errand; X6CU上午已经转派给周网格了 别再重复派了: done, and a warning.
  if (!t.addressed && (/是\p{Script=Han}{1,4}(?:转派|改派|转给|派给|交给|改给)\p{Script=Han}{1,5}的/u.test(r.clean) || /(?:以后|今后|下次|往后)\p{Script=Han}{0,8}(?:交给|转给|派给)/u.test(r.clean) || /(?:让|叫)\p{Script=Han}{1,4}去(?:查|问|看|拿|送|买|核实|打听|取|找|接孩子)/u.test(r.clean) || /别再(?:转|派|重复)|不要再(?:转|派)|不用再(?:转|派)|重复派|重复转|不转了|不用转|别转了|不换了|不换人|给\p{Script=Han}{1,4}还是(?:给)?\p{Script=Han}{1,4}|纠结|(?:我|俺)?想(?:把|要)?[^\s]{0,10}?(?:转给|交给|派给)[\s\S]*(?:但是|可是|不过)/u.test(r.clean))) return true;
  return !t.addressed && HANDED_ALREADY.test(r.body) && (/(?:督导|社区|中心|警官|所长|书记|主任|所里|分局)(?:那边)?\s*(?:已经|已|刚才|刚刚)/u.test(r.clean) || /你(?:注意|看一下|看下|查收)|不用再转|那条|名下/u.test(r.clean));
}

function handedOver(t: Turn, typed: FoundCase | null, overseer: boolean): Decision | null {
  const { r, ctx } = t;
  // 改成吴网格负责: 改成 is 更正 only with a result after it.
  // Y6FQ 给吴网格 加急: 加急 says how soon, the hand-over is the command.
  const others = t.kws.filter((k) => OTHER_LEAD_KINDS.has(k.kind) && (k.kind !== 'correct' || readOutcome(r) !== null) && !(k.kind === 'supervise' && SUPERVISE_WITH_CASE.has(k.text)));
  if (!overseer || !ctx.members || others.length > 0) return null;
  const quoted = ctx.quote?.from === 'bot' && ctx.quote.caseId ? ctx.quote.caseId : null;
  if (!typed && !quoted) return null;
  // C7GY 派给李网格是对的: a hand-over judged, not made; X6CU 转派给周网格的事先缓一缓: put off.
  if (/(?:是对的|没错|挺好|不错|合适)(?:\s|$|[，,。])/u.test(r.body) || PUT_OFF.test(r.clean)) return null;
  // K7Q2 原来是老周的 后来改派给小刘了: the case's history told.
  if (!t.addressed && /(?:原来|本来|当时)\p{Script=Han}{0,6}[，,\s]*.*(?:后来|然后).{0,16}了\s*$/u.test(r.clean)) return null;
  // K7Q2 昨天我转派给刘网格了 他说推送没收到: a hand-over days ago, told.
  if (!t.addressed && /(?:昨天|前天|上周|昨晚|早就)\p{Script=Han}{0,3}?(?:转派给|改派给|转给|派给|交给|改给)\p{Script=Han}{1,5}?了/u.test(r.clean)) return null;
  if (handOverTold(t)) return null;
  // 我这就打电话给小李, 让小李先打电话稳住老人: someone called or told what to do, the case not handed over.
  if (/(?:打电话|打个电话|电话|打一?遍电话)给\p{Script=Han}{1,4}|(?:让|叫|请)\p{Script=Han}{1,4}?(?:先|赶紧|马上|也)(?:打|联系|稳住|盯|看|跟|陪|给|找)/u.test(r.clean)) return null;
  // @钱警官 K7Q2 那边你到了给我回个电话: something asked of the person about the case, not the case handed over.
  if (!t.addressed && /你/u.test(r.clean) && !HANDED_TO_YOU.test(r.body) && !/你(?:去|接|来|负责|跟|盯|处理|办|上|把)|给你(?!回|打|发|说|讲|带)|接过去|接手|归你|转|交|派|改/u.test(r.clean)) return null;
  const to = pickTarget(r.body, r.others, ctx.members, r.handedTo);
  if (!to) return null;
  const example = `转派 ${typed?.id ?? quoted} @周网格`;
  if (typed?.source === 'unknown') return unknownCase(t, typed.typed);
  if (to.unknown) return refuse('unknown_member', example, say.unknownMember(to.name));
  if (!takesCases(to.name, ctx.members)) return refuse('unknown_member', example, say.notACaseTaker(to.name));
  const command: UnderstoodCommand = { kind: 'reassign', caseId: typed?.id ?? quoted!, to: to.name };
  if (typed?.source === 'typo') return confirm(command, say.confirmTypo(typed.id));
  // K7Q2 已经转给周网格了: news of a hand-over done, maybe elsewhere; asked first (and @小王 read as 王社区).
  // T4CY 上午已经转给吴网格了 你们别重复打电话了: done, and told to the room.
  if (HANDED_ALREADY.test(r.body) && /你们|大家|各位/u.test(r.body) && !t.addressed) return IGNORE;
  // H9MC …要不还是让他去: a hand-over suggested to the room, asked first.
  return HANDED_ALREADY.test(r.body) || SUGGESTED.test(r.clean) || to.guessed ? confirm(command, promptFor(command)) : act(command);
}

/** 帮助 / 我的 / 统计 alone, or their free forms (不会用, 我还剩几个, 今天的数发一下); 统计 is for leads. */
/** 赵督导 这周督办了几单, 今天统计出来了吗？冯中心: a colleague called by name, first or last. */
function calledByName(t: Turn): boolean {
  const body = t.r.body.trim();
  return !t.addressed && (t.ctx.members ?? []).some((m) => (body.startsWith(m.name) && /^[\s\p{P}]/u.test(body.slice(m.name.length))) || (body.endsWith(m.name) && /(?:[\s\p{P}]|[吗呢吧啊呀])$/u.test(body.slice(0, -m.name.length))));
}

function phraseCommand(t: Turn): Decision | null {
  const overseer = OVERSEERS.has(t.ctx.role);
  // @吴网格 你今天处置了几单, or a quoted colleague: said to a person, not to the bot.
  const toPerson = (t.r.others.length > 0 && !t.ctx.mention && !t.r.mentionsBot && t.ctx.room !== 'private') || (!t.addressed && t.ctx.quote?.from === 'person') || calledByName(t);
  // 大家看下 今天超时三单 on a quoted summary, 这个推送格式不错 on a quoted dispatch: said to the room about
  // the bot's message, not asked of it (a free form is read as in the group).
  const onSummary = t.ctx.quote?.from === 'bot' && !t.ctx.mention && !t.r.mentionsBot && t.ctx.room !== 'private';
  // @林管理 网格哨兵怎么用啊: a keyword inside a question to a person is theirs to answer (@周网格 帮助 alone is still the bot's).
  const sole = soleKeyword(t);
  const keywordAlone = t.r.toks.every((x) => x.t === 'kw' || x.t === 'particle' || x.t === 'filler');
  let kind = toPerson ? (keywordAlone ? sole : null) : (sole ?? readFreeForm(t.r, t.addressed && !onSummary));
  // 帮助 我是来顶班的: the keyword said first, on its own, then a short word about the sender.
  const headKw = t.r.toks[0];
  if (!kind && !toPerson && !t.r.question && headKw?.t === 'kw' && headKw.kind === 'help' && /^\s/u.test(t.r.clean.slice(headKw.end)) && [...t.r.clean.slice(headKw.end).replace(/\s+/gu, '')].length <= 10 && /^\s*(?:一下\s*)?(?:我|俺|今天|刚|新|整不|弄不|搞不|看不|不会|不懂)/u.test(t.r.clean.slice(headKw.end))) kind = 'help';
  // 现在什么情况 on a quoted alert asks about that case, not about the shift.
  if (kind !== 'help' && soleKeyword(t) === null && t.ctx.quote?.from === 'bot' && t.ctx.quote.caseId) kind = null;
  if (!kind) return null;
  // @网格哨兵 我那单的地址再发一遍: the sender's one open case, pointed at and asked about, is 查 of it.
  const onlyOwn = t.ctx.openCases.length === 1 ? t.ctx.openCases[0]! : null;
  if (kind === 'mine' && onlyOwn && t.addressed && /[我俺](?:手上)?(?:那|这)(?:单|个单子?|个案子|户)/u.test(t.r.clean) && /地址|电话|情况|详情|信息|位置|进展|怎么样|咋样/u.test(t.r.clean)) return act({ kind: 'query', caseId: onlyOwn.id });
  // 待办的那几件白班处理: those few cases referred to in a remark, with the keyword inside it.
  if (!t.addressed && !keywordAlone && !/[吗呢?？]|多少|啥|什么|哪|怎么|咋|如何|没有?\s*$|[我俺]/u.test(t.r.body) && /(?:那|这)几(?:件|单|个|起)(?![了呢吗])/u.test(t.r.body)) return null;
  // 现在还有多少件没办结: from a lead or supervisor with no cases of their own, the area's figures.
  // 今天到现在几单了 我5点要交日报: 我 only in a later clause is not the sender's own cases.
  if (kind === 'mine' && overseer && t.ctx.openCases.length === 0 && soleKeyword(t) !== 'mine' && !/我|俺/u.test(t.r.body.split(/[\s，,。；;！!？?]/u)[0] ?? '')) kind = 'stats';
  // 统计 from a worker is answered with what they may ask; a free-form count (上午那个单子是不是…) said in the group is not put to the bot.
  // 这单我来接吧: taking the case, not asking for one's own.
  if (kind === 'mine' && t.r.toks.some((x) => x.t === 'kw' && x.kind === 'ack') && !t.r.question && !/几|多少/u.test(t.r.body)) return null;
  // 数据统计这块以后归小刘管: the word in a remark; 统计, 今天的统计数据看一下: asked.
  const freeStats = readFreeForm(t.r, t.addressed) === 'stats';
  const statsAsked = (sole === 'stats' && (keywordAlone || freeStats)) || (freeStats && ([...t.r.body.replace(/[\s\p{P}\p{S}]/gu, '')].length <= 6 || /看一下|看下|看看|发下|发一下|发个|出一下|报一下/u.test(t.r.body)));
  if (kind === 'stats' && !overseer) return statsAsked || t.addressed || COUNT_ASKED.test(t.r.body) ? refuse('not_allowed', '我的', say.statsLeadsOnly) : null;
  return act({ kind });
}

/** A question: never a state change; it may become 查, 我的, 统计 or 帮助. */
function question(t: Turn): Decision {
  const { r, ctx } = t;
  const typed = typedCase(r);
  // 收到T9KE 我在开车…有啥情况我到了再说: the case taken first; a question later in the message
  // is said along the way.
  const ackFirst = t.kws[0]?.kind === 'ack' && STRONG_ACK.includes(t.kws[0].text) && atHead(r.toks, t.kws[0]);
  // The question must stand in a later clause: 收到吗K3P9QX…, 收到K3P9QX收到0吗0 ask in the acknowledgement's own.
  const ackClause = t.kws[0] ? r.body.slice(0, t.kws[0].end + (/[\s，,。；;！!]/u.exec(r.body.slice(t.kws[0].end))?.index ?? r.body.length)) : '';
  // Only a loose 啥/什么 later on (有啥情况我到了再说); a firm question anywhere (吗, 是不是, 有没有, 怎么, ？) still asks.
  if (ackFirst && typed && !/[吗么呢?？]|是不是|有没有|没有?$/u.test(ackClause) && !/吗|呢|是不是|是否|有没有|怎么|[?？]/u.test(r.body) && ctx.openCases.some((c) => c.id === typed.id && !c.acknowledged) && wordLength(r) > 16 && !/(?:吗|么|没|没有|呢|吧|不)\s*[?？]?\s*$|[?？]\s*$/u.test(r.body.trim())) return acknowledge(t, typed, t.kws[0]!, true);
  // 这个X6CU怎么还没人接 督办: a complaint (怎么还, 咋还没), then the command alone at the end.
  const last = t.kws.at(-1);
  const complaint = last !== undefined && COMPLAINT.test(r.body.slice(0, last.start)) && !/[吗呢]|是不是|是否|有没有/u.test(r.body) && !/[?？]/u.test(r.body.slice(last.start));
  // 刘网格 K7Q2怎么还没去 抓紧: the same complaint said to the colleague named first.
  if (complaint && last.kind === 'supervise' && OVERSEERS.has(ctx.role) && typed && typed.source !== 'unknown' && r.toks.at(-1) === last && /[\s\p{P}]$/u.test(r.body.slice(0, last.start)) && !calledByName(t)) {
    return leadCommand(t, 'supervise', last, typed);
  }
  const phrase = typed ? null : phraseCommand(t);
  if (phrase) return phrase;
  // 怎么又是这个小区 on the bot's message: a complaint to the room, not a question about the case.
  if (ctx.quote?.from === 'bot' && !ctx.mention && !r.mentionsBot && ctx.room !== 'private' && !typed && /^(?:怎么|咋|咋个)又/u.test(r.body.trim())) return IGNORE;
  // 帮助老人装APP也算宣传吗: 帮助 with an object of its own is helping someone.
  const helpKw = kwOf(t, 'help');
  const helpingSomeone = helpKw !== undefined && helpKw.text === '帮助' && (/(?:互相|相互)\s*$/u.test(r.clean.slice(0, helpKw.start)) || /^\p{Script=Han}/u.test(r.clean.slice(helpKw.end)) && !/^(?:一下|下|信息|文档|菜单|说明|[吗呢吧啊呀了么嘛哈])/u.test(r.clean.slice(helpKw.end)));
  // 需要帮助吗: offering help to someone, asked of them.
  const offering = helpKw !== undefined && !t.addressed && /(?:需要|要|需不需要)帮助[吗么]?$/u.test(r.clean.trim());
  // @林管理 网格哨兵怎么用啊: how to use it, asked of the person named.
  // 郑社区 下周培训能不能顺便讲讲机器人怎么用: asked of the colleague called by name.
  // 林老师 使用说明能不能做成图片: asked of the colleague called by title.
  const ofPerson = (r.others.length > 0 && !r.mentionsBot && !ctx.mention && ctx.room !== 'private') || calledByName(t) || (!t.addressed && ctx.room !== 'private' && CALLED_FIRST.test(r.body.trim()));
  // 帮助文档谁手上有 发我一份: who has it, asked of the people in the room.
  // 等我吃完饭再研究研究怎么用: learning it later, told.
  // 求帮助 谁能来搬下展板: a hand asked of whoever in the room can come.
  const whoHas = !t.addressed && (/谁(?:手上|手里|那里|那儿|那边)?有|谁(?:能|可以|有空|方便)(?:来|过来|去|帮)/u.test(r.clean) || learningRemark(r.clean.replace(/\s+/gu, '')));
  if (helpKw && !helpingSomeone && !offering && !typed && !ofPerson && !whoHas && (t.addressed || !helpForSomethingElse(r))) return act({ kind: 'help' });
  // @周网格 K7Q2 劝住了吗？ is asked of a colleague.
  // @李网格 看到了吗, quoting the bot's dispatch: asked of him about it, not of the bot.
  if ((!t.addressed || (ctx.quote?.from === 'bot' && !ctx.mention && !r.mentionsBot && ctx.room !== 'private')) && r.others.length > 0) return IGNORE;
  // 好，K7Q2 明天给我个结果: a result asked of people by a deadline.
  const forPeople = !t.addressed || (ctx.quote?.from === 'bot' && !plainlyToBot(r, ctx));
  if (forPeople && GIVE_ME.test(r.clean)) return IGNORE;
  // 啊？E8SX 不是受害人吗, quoting a colleague: asked of that colleague.
  if (!t.addressed && ctx.quote?.from === 'person' && !kwOf(t, 'query')) return IGNORE;
  // F6KP 这户还要不要再去一次: advice asked of the room, not the state of the case.
  // W7GY 的地址谁知道在哪, 谁离得近: asked of whoever in the room knows.
  // H3WN是郑社区的亲戚吧, X6CU跟去年那个冒充医保的是同一家吧: who the people are, wondered about with the room.
  // L8FE转不转？给个准话呗 from a lead: the command weighed with the room.
  if (forPeople && (ADVICE.test(r.clean) || ASKED_OF_PEOPLE.test(r.clean) || (OVERSEERS.has(ctx.role) && /[A-Za-z0-9]{4,6}\s?(?:还|到底)?(撤|转|派|督|换)不\1/u.test(r.clean)) || /亲戚|表舅|舅舅|熟人|老乡|同一家|同一户|同一个人|是一家/u.test(r.clean))) return IGNORE;
  // X6CU 老人刚又给我打电话 问钱能不能追回来: someone else's question, told (not 我问下).
  if (forPeople && !kwOf(t, 'query') && THEIR_QUESTION.test(r.clean)) return IGNORE;
  // Y6FQ 要撤销吗？, E3KW 要不要更正一下？: weighing a command, not asking about the case (撤销了吗 asks).
  // D7QA 撤销？: the command itself asked.
  const weighed = t.kws.some((k) => (OTHER_LEAD_KINDS.has(k.kind) || k.kind === 'reassign') && (WEIGHING.test(r.clean.slice(Math.max(0, k.start - 4), k.start).replace(/\s+/gu, '')) || /^\s*[?？]/u.test(r.body.slice(k.end))));
  if (weighed) return t.addressed ? refuse('not_understood', '帮助') : IGNORE;
  const idTok = r.toks.find((x) => x.t === 'id');
  // 谁收到K7Q2了？ is a colleague's question; Q7RT 劝住了吗 (the id first) is asked of the bot.
  const politeHead = idTok !== undefined && /^(?:请问|问下|问一下|麻烦问下|那个|就是|嗯|\p{Script=Han}{0,3}(?:这单|那单|这个单子|那个单子))\s*$/u.test(r.clean.slice(0, idTok.start));
  const asked = t.addressed || kwOf(t, 'query') !== undefined || (idTok !== undefined && (atHead(r.toks, idTok) || politeHead)) || ctx.openCases.some((c) => c.id === typed?.id);
  // G2WQ 老头说没接过电话 可能推错人了？我再问问他老伴, 在T3VZ家里…装了个什么app 正在看: news on a
  // case already taken, a wondering in it, while the work goes on (not 还在我名下吗, asked last).
  const taken = typed !== null && ctx.openCases.some((c) => c.id === typed.id && c.acknowledged);
  if (taken && !t.addressed && !kwOf(t, 'query') && (NEXT_STEP.test(r.clean) || GOES_ON.test(r.clean) || IN_PROGRESS.test(r.clean)) && !/[吗呢]\s*[?？]?\s*$|[?？]\s*$/u.test(r.body.trim())) return IGNORE;
  // K4MX 正在帮老人查这个期刊是不是正规的: the sender at work looking something up, not asking the bot.
  const lookingUp = kwOf(t, 'query');
  if (taken && !t.addressed && lookingUp && /(?:正在|还在|(?<![现实存所好])在|正)\s*(?:帮|给|替)\p{Script=Han}{1,4}\s*$|(?:正在|还在)\s*$/u.test(r.clean.slice(0, lookingUp.start))) return IGNORE;
  // K7Q2 怎么念 K七Q二 还是 K七Q贰 哈哈, N4TB 老人家属说 以后家里有啥陌生电话都让我们来判断 这是把咱们当自家人了:
  // a laugh, or a long story whose first clause asks nothing, is told to the room about the case.
  if (typed && typed.source !== 'unknown' && asked && !t.addressed && !kwOf(t, 'query') && toldAbout(r, typed.typed)) return IGNORE;
  if (typed && typed.source !== 'unknown' && asked) return caseQuery(t, typed);
  // 查 Y9YY is answered; T9KE 那个怎么样了 (a free-form question about an id the sender cannot see) is not.
  const query = kwOf(t, 'query');
  // P6MV 查不到啊 是不是我单号记错了: a look-up that failed, told to the room.
  // T9KE 怎么样了, T9KE 后来咋样了: the question word is no command, and the id is nobody's here; 查 (查 T9KE
  // 怎么样了, P3NE 什么情况 查下) asks the bot, and so does an id one character off a case the sender sees (K7Q3).
  const looksUp = t.kws.some((k) => k.kind === 'query' && /^(?:查|check|看|瞅|调)/iu.test(k.text));
  const nearSeen = typed !== null && ctx.visibleCases.some((v) => v.length === typed.id.length && [...v].filter((c, i) => c !== typed.id[i]).length === 1);
  if (typed && ((query && atHead(r.toks, query) && (looksUp || nearSeen) && !/^\s*(?:不到|不着|不出)/u.test(r.body.slice(query.end))) || t.addressed)) return unknownCase(t, typed.typed);
  // 现在什么情况 on an alert asks about its case; 这老人上个月刚装的APP 怎么还信这个 does not.
  // 怎么回事？？还没人接？ from a lead or supervisor on an alert: the case's state, asked.
  const alertAsked = OVERSEERS.has(ctx.role) && ctx.quote?.from === 'bot' && (ctx.quote.kind === 'escalation' || ctx.quote.kind === 'reminder') && /怎么回事|咋回事|为啥|为什么|还没人|没人接|人呢/u.test(r.body) && r.others.length === 0;
  // 这是银行推过来的还是平台推的, 它回的“损失金额：约5000元” 这个约字是它自己加的: a question about the bot's
  // message itself (its words in quotation marks), put to the room; only a question about the case
  // (its state, who has it, where, how much) is 查.
  if (!typed && ctx.quote?.from === 'bot' && ctx.quote.caseId && (plainlyToBot(r, ctx) || alertAsked || (!SHOWN_TO_ROOM.test(r.body) && !NOT_STATUS.test(r.body) && !TALK_ON_QUOTE.test(r.body) && CASE_ASKED.test(r.body.replace(/[“"「‘][^”"」’]*[”"」’]/gu, ''))))) return caseQuery(t, null);
  if (query && (t.addressed || atHead(r.toks, query))) return caseQuery(t, null);
  // @网格哨兵 接单是回收到还是回编号: a question to the bot about its own work is answered with 帮助.
  if ((ctx.mention || r.mentionsBot) && !typed && BOT_WORK_ASKED.test(r.body)) return act({ kind: 'help' });
  return t.addressed ? refuse('not_understood', '帮助') : IGNORE;
}

const ASKS = /[吗没呢嘛么?？]|谁|哪|啥|咋|怎|多少|是不是|是否|有没有|几/u;
/** A question in a message's first clause, not 什么/啥 as "some" (吵什么保证金) or 没 inside a story (说没转没转). */
const FIRST_ASKS = /[吗呢嘛么?？]$|没有?$|谁|哪|多少|是不是|是否|有没有|几(?![百千万十个块次遍天位户])|怎么(?:样|回事|办|弄|搞|处理)|咋(?:样|回事|办|弄|整|搞)|(?:啥|什么)(?:情况|时候|意思|状态|进度|结果)|到底|还是|来着/u;

/** A case laughed about, or told at length with no question in its first clause. */
function toldAbout(r: Reading, id: string): boolean {
  const rest = r.body.replace(id, ' ').trim();
  if (r.laughed || FAULT_WONDERED.test(rest)) return true;
  // X6CU 他女儿跟我说“我妈这两天天天跟一个什么专家打电话”: someone's words, told to the room.
  if (/[“"「『][^”"」』]{2,}[”"」』]/u.test(rest) && /说|交代|讲|问|原话/u.test(rest)) return true;
  if (rest.replace(/[\s\p{P}]/gu, '').length <= 15) return false;
  const first = rest.split(/[\s，,。.!！;；]+|(?<=^(?:请问|问下|问一下|麻烦问下|那个|就是|嗯+|哎|诶|喂))/u).find((c) => c !== '' && !/^(?:请问|问下|问一下|麻烦问下|那个|就是|嗯+|哎|诶|喂)$/u.test(c)) ?? '';
  return !ASKS.test(first);
}

const REPORTED_SPEECH = /^\s*(?:[老小]\p{Script=Han}|\p{Script=Han}{1,2}(?:网格|社区|督导|警官|姐|哥|书记|主任))(?:刚才?|刚刚)?(?:说|讲)(?!说)/u;
const ID_TALKED_ABOUT = /^\s*(?:这种|这类|这样的|之类|这个?单号|这个?编号)|^\s*(?:是)?(?:啥|什么)意思|^\s*(?:怎么|咋)(?:念|读)|^\s*是(?:什么|啥)暗号/u;

function caseQuery(t: Turn, typed: FoundCase | null): Decision {
  // @李网格 X6CU 反馈一下结果: asked of the colleague named, not of the bot.
  if (!t.addressed && t.r.others.length > 0 && !t.r.mentionsBot) return IGNORE;
  // K7Q2 怎么念 K七Q二 还是 K七Q贰 哈哈: a case laughed about with the room is asked of nobody (查 X6CU 哈哈,
  // the command first, still asks).
  const queryFirst = t.kws[0]?.kind === 'query' && /^查/u.test(t.kws[0].text) && atHead(t.r.toks, t.kws[0]);
  if (!t.addressed && !t.r.mentionsBot && t.r.laughed && !queryFirst) return IGNORE;
  // 我们志愿者能看到 X6CU 这种编号的详情吗, K7Q2 是啥意思啊: the id itself talked about, as a kind of thing.
  const idAt = typed ? t.r.body.indexOf(typed.typed) : -1;
  if (!t.addressed && !t.r.mentionsBot && idAt >= 0 && ID_TALKED_ABOUT.test(t.r.body.slice(idAt + typed!.typed.length))) return IGNORE;
  // 谁下楼帮我拿个快递 取件码Q7R1: a string one character off the sender's case, with no command word
  // and not at the head, is something else; only a command (收到 Q7RI, 查 Q7RI) is asked about.
  if (typed?.source === 'typo' && !t.addressed && t.kws.length === 0 && !atHead(t.r.toks, t.r.toks.find((x) => x.t === 'id')!)) return IGNORE;
  // E9PH 老人问止付是啥意思 我正给他讲, W5RA 我和老人在银行门口 他说要先看看余额: news on the sender's own
  // case already taken (train.jsonl's progress notes), a look-up word inside it; 查 first, a question or a request asks.
  const taken = typed !== null && t.ctx.openCases.some((c) => c.id === typed.id && c.acknowledged);
  // M3VQ 查到一个远控在后台开着: a look-up told as done.
  const lookUpFirst = t.kws.some((k) => k.kind === 'query' && atHead(t.r.toks, k) && (/^(?:查|check|看看|看下|看一下)/iu.test(k.text) || t.r.toks.indexOf(k) <= 1) && !/^\s*(?:到|了|出|完|过)/u.test(t.r.clean.slice(k.end)));
  const onlyLooking = t.kws.filter((k) => k.kind === 'query').every((k) => /^(?:看|瞅|查|瞧)/u.test(k.text));
  if (taken && !t.addressed && !lookUpFirst && onlyLooking && !t.r.question && !t.r.softQuestion && !GIVE_ME.test(t.r.clean) && !/发(?:我|一下|下|送)|再发|^\s*请/u.test(t.r.clean) && wordLength(t.r) > 10) return IGNORE;
  // F9MT 老人有点糊涂 好像记不清转没转 等儿子来查账, U6BP 老人一直说没转没转 手在抖: a long note on the
  // sender's own taken case whose question words sit inside the story, none at its end, asks nothing.
  // E4KW 这单具体啥情况 第一次接不太懂, R3JF 超时了吗 我下午一直在忙别的: asked first, then explained.
  const clauses = (typed ? t.r.clean.replace(typed.typed, ' ') : t.r.clean).split(/[\s\p{P}\p{S}]+/u).filter((c) => c !== '');
  // 在翻聊天记录看她转过没, 我问是哪个朋友, 网又卡了 咋整: a question the sender is finding out, or puts to the room.
  const last = clauses.at(-1) ?? '';
  const tailAsks = ASKS.test(last.slice(-8)) && !/^(?:[我俺]|正|还)?在|^(?:[我俺])?(?:再|先|还得|得)?(?:问|看看|查查|翻翻)/u.test(last) && !/^(?:咋整|咋办|怎么办|怎么整)$/u.test(last.slice(-3).replace(/^\p{Script=Han}(?=\p{Script=Han}{2}$)/u, ''));
  if (taken && !t.addressed && !t.r.mentionsBot && !lookUpFirst && wordLength(t.r) > 14 && !tailAsks && !FIRST_ASKS.test(clauses[0] ?? '') && !/[?？]\s*$/u.test(t.r.body.trim()) && !GIVE_ME.test(t.r.clean) && !/发(?:我|一下|下|送)|再发|^\s*请|帮(?:我|忙)/u.test(t.r.clean)) return IGNORE;
  // X6CU 那个小区我熟 要不要我带路, K7Q2 用不用我搭把手: a hand offered to the room, not a question for the bot.
  if (!t.addressed && !t.r.mentionsBot && !queryFirst && /(?:要不要|用不用|需不需要|需要)(?:我|俺|咱|我们|俺们)(?!们?的)/u.test(t.r.clean)) return IGNORE;
  // 老李说好的 他下午去K7Q2那家看看: a colleague's words passed on; their 看看 is no 查.
  if (!t.addressed && !queryFirst && REPORTED_SPEECH.test(t.r.body)) return IGNORE;
  // 志愿者们看看这条 就是我们平时宣传讲的冒充客服: the quoted message shown to the room, not its case asked about.
  if (!typed && t.ctx.quote?.from === 'bot' && !plainlyToBot(t.r, t.ctx) && TALK_ON_QUOTE.test(t.r.body)) return IGNORE;
  const found = typed ?? (t.ctx.quote?.from === 'bot' ? contextCase(t.ctx) : null);
  if (!found) return t.addressed ? refuse('missing_case_id', `查 ${t.exampleId}`, say.missingCaseId) : IGNORE;
  if (found.source === 'unknown') return unknownCase(t, found.typed);
  const command: UnderstoodCommand = { kind: 'query', caseId: found.id };
  return found.source === 'typo' ? confirm(command, say.confirmTypo(found.id)) : act(command);
}

/** 收到 / 好的 / 马上过去, with an id, a quoted bot message, or right after the push. */
function acknowledge(t: Turn, typed: FoundCase | null, ackTok: Token, meant: boolean): Decision {
  const { ctx, r } = t;
  const quote = ctx.quote;
  const overseer = OVERSEERS.has(ctx.role);
  const strong = STRONG_ACK.includes(ackTok.text) || ackTok.t === 'weak';
  if (typed) {
    if (typed.source === 'unknown') return meant ? unknownCase(t, typed.typed) : IGNORE;
    if (!meant && typed.source === 'text' && !atHead(r.toks, ackTok) && !atHead(r.toks, r.toks.find((x) => x.t === 'id')!)) return IGNORE;
    const own = ctx.openCases.find((c) => c.id === typed.id);
    // 收到了 刚在帮老陈弄X6CU没看手机 我这就去: the colleague's case is the errand that kept the sender, not the one taken;
    // the sender's own case just pushed is (asked first).
    const idAt = r.toks.find((x) => x.t === 'id');
    if (!own && typed.source === 'text' && idAt && /(?:帮\p{Script=Han}{0,4}(?:弄|处理|看|忙|跑|盯)?|在(?:弄|忙|处理))\s*$/u.test(r.clean.slice(Math.max(0, idAt.start - 8), idAt.start))) {
      const recent = ctx.openCases.filter((c) => !c.acknowledged && c.pushedMinutesAgo <= RECENT_PUSH_MINUTES);
      return recent.length === 1 ? confirm({ kind: 'ack', caseId: recent[0]!.id }, say.confirmAck(recent[0]!.id)) : IGNORE;
    }
    // @周网格 收到没啊 赵督导问你K7Q2呢: a colleague's case, asked of the colleague called.
    if (!own && !t.addressed && r.others.length > 0 && !r.mentionsBot) return IGNORE;
    // C5VR 李网格已经在路上了: someone else on the way, told by a colleague.
    if (!own && THIRD_PERSON.test(r.clean.slice(0, ackTok.start))) return IGNORE;
    // V9DK 他儿子电话我打了 在路上了, Z5CM 我就在这小区住 不行我下楼帮你看着: news or a hand offered on a colleague's
    // case, the going word inside it; only 收到 or a word leading the message takes a case by name.
    if (!own && !overseer && !t.addressed && !strong && !atHead(r.toks, ackTok)) return IGNORE;
    // C2MU 还在路上: a progress remark on a case already taken.
    if (own?.acknowledged && !strong) return IGNORE;
    // N7YC 嗯……还在聊, N7YC 我还在地铁上…消息收到得慢: on a case already taken, a filler or a 收到 inside the
    // news is no acknowledgement; only 收到 leading (收到 N7YC) says it again.
    if (own?.acknowledged && !t.addressed && (ackTok.t === 'weak' || !atHead(r.toks, ackTok)) && wordLength(r) > 6) return IGNORE;
    // 收到，会后我把Q7RT的走访照片补到台账里: on a case already taken, the case's paperwork is the
    // errand and 收到 answers someone else (a meeting notice).
    const idTok = r.toks.find((x) => x.t === 'id');
    if (own?.acknowledged && !t.addressed && idTok && (/把\s*$/u.test(r.clean.slice(0, idTok.start)) || /^\s*的\s*\p{Script=Han}{0,4}?(?:照片|材料|台账|记录|资料|表|说明|档案)/u.test(r.clean.slice(idTok.end)))) return IGNORE;
    // 收到 Q7RT我早接了 现在人在老人家里: taken long ago, said again; nothing to take.
    if (own?.acknowledged && !t.addressed && /(?:早|早就|已经|之前)(?:就)?接(?:了|过)/u.test(r.clean)) return IGNORE;
    // 收到@赵督导 B8LD 我这边正盯着呢, 好的@郑社区 Z3KM 下午两点碰头: an answer to the person named, on a case already taken.
    if (own?.acknowledged && !t.addressed && r.others.length > 0 && !r.mentionsBot) return IGNORE;
    // 好的 我再去跟K2PW家属沟通一下, quoting a colleague: an answer to them on a case already taken.
    if (own?.acknowledged && ctx.quote?.from === 'person' && !t.addressed) return IGNORE;
    // 收到 谢谢王书记 X6CU 的材料我明天送过去, 好的 周哥 K7Q2 那个老人的情况我记下了: an answer to a person
    // about a case not the sender's, not taking it.
    if (!own && !t.addressed && (FAREWELL.test(r.clean) || /^\s*(?:好的?|收到|嗯|要得|行|中|明白|晓得了?|知道了?)\s*(?:谢谢)?\s*(?:[王李周陈刘吴郑赵钱孙马何林]\p{Script=Han}{0,2}|\p{Script=Han}{1,2}(?:书记|主任|社区|哥|姐|老师))\s/u.test(r.body) || /的材料|记下了/u.test(r.clean))) return IGNORE;
    // 收到 K7Q2 那单不是我的啊, 我收到也没用: the case disowned, not taken.
    if (/不是我的|收到也没用|收到也白搭/u.test(r.clean)) return IGNORE;
    // 收到 W6QH 的家属电话了: 收到 is the verb, the case's thing received (not 收到 W6QH 的预警).
    if (!t.addressed && RECEIVED_THING.test(r.clean.slice(ackTok.start))) return IGNORE;
    // 好的 K7Q2 我来处理 from a lead: they take over the escalation; 收到，K7Q2 今天之内给您答复
    // answers a superior, and 收到，B8WD 的材料我补一下 is the lead's own errand.
    if (overseer && !own) return TAKE_OVER.test(r.body) && !TO_A_PERSON.test(r.body.replace(`@${ctx.botName}`, '')) ? act({ kind: 'supervise', caseId: typed.id }) : IGNORE;
    return typed.source === 'typo' ? confirm({ kind: 'ack', caseId: typed.id }, say.confirmTypo(typed.id)) : act({ kind: 'ack', caseId: typed.id });
  }
  if (quote?.from === 'person') return IGNORE;
  if (quote?.from === 'bot') {
    if (!quote.caseId) return IGNORE;
    // 收到, 好的我来, 我来处理 on an alert: taken on; 哎 这个老人家我知道…: a remark, not 督办.
    // 收到 我马上给李网格打电话 on a reminder: taken on too; 收到 alone on a reminder is read, nothing more.
    // 收到大家的意见, 收到 看到李网格已经接了 那就不用我了: not the alert taken on.
    if (overseer && (quote.kind === 'escalation' || quote.kind === 'reminder') && !ctx.openCases.some((c) => c.id === quote.caseId)) return !RECEIVED_OTHER.test(r.clean) && !DECLINED.test(r.clean) && ((quote.kind === 'escalation' && atHead(r.toks, ackTok)) || TAKE_OVER.test(r.body) || alertTakenOn(t, typed) !== null) ? act({ kind: 'supervise', caseId: quote.caseId }) : IGNORE;
    // 好的 on the bot's dispatch, reminder or alert takes the case, when it is the sender's and
    // still waiting; on a case already taken, someone else's dispatch, a confirmation or any other
    // bot message (a summary, a notice) it only answers that message.
    const waiting = ctx.openCases.some((c) => c.id === quote.caseId && !c.acknowledged);
    return (quote.kind === 'dispatch' || quote.kind === 'reminder' || quote.kind === 'escalation') && waiting ? act({ kind: 'ack', caseId: quote.caseId }) : IGNORE;
  }
  // Only a short reply that starts with the acknowledgement is a bare one (收到，这就出发;
  // 我这就过去, the sender named first).
  // 立刻出发, 本人已在前往途中: an adverb or the sender before it, and still about going there.
  const subjectFirst = r.toks[0]?.t === 'word' && /^(?:我|俺|本人)$/u.test(r.toks[0].text) && r.toks[1] === ackTok;
  // 不好意思刚看到 收到, 才看到，收到: an apology for the delay, then the acknowledgement.
  const late = LATE_SEEN.exec(r.clean);
  const afterApology = late !== null && ackTok.start <= late[0].length;
  // 收到收到 我刚好在隔壁楼做入户走访 走过去两分钟的事 先过去敲门: right after the push, a longer
  // line that begins with the acknowledgement and says the sender is going still takes the case.
  const longButGoing = ctx.pushIsLatest && atHead(r.toks, ackTok) && onTheWay(r) && wordLength(r) <= 60;
  if ((!atHead(r.toks, ackTok) && !subjectFirst && !afterApology && !onTheWay(r)) || (wordLength(r) > 16 && !longButGoing)) return IGNORE;
  const unacked = ctx.openCases.filter((c) => !c.acknowledged);
  // Later, only a bare acknowledgement (收到, 好的) may mean the push; a remark makes it chatter
  // (好的 王书记, 收到 明天我带过去, 好 晚上见: an answer to a colleague), and so does an @mention
  // of someone else (@李网格 收到). 收到 正在赶过去, 收到 我骑车去: a remark about going there is
  // still about the push.
  const remark = !r.toks.every((x) => x.t === 'weak' || x.t === 'particle' || x.t === 'filler' || (x.t === 'kw' && x.kind === 'ack'));
  // 收到，谢谢通知: thanks for the push itself is about the push.
  // 收到，喊上村主任一起去: someone brought along to the case is no other matter.
  const remarkText = r.clean.replace(/谢谢(?:通知|提醒|哨兵)/gu, '').replace(/(?:喊上|叫上|带上|约上|拉上|和|跟)\p{Script=Han}{1,5}?(?:一起|一块儿?)(?:去|过去|上门|走)/gu, ' 去');
  // 好的 明天见, 收到 谢谢王书记: a farewell or thanks to someone, even right after the push; so is
  // an answer to someone named (@郑社区 好的 明白, 收到王姐) or about another matter (收到，材料我晚点交).
  // 收到哈老周，车钥匙在我抽屉里, ok马姐 周六我过去帮忙: a person called right after the acknowledgement.
  const calledAfter = /^\s*(?:收到|好的?|嗯+|ok|行|明白)(?:哈|啊|呀|了|的)?\s*(?:[老小](?![人太头伴板年家爷奶上下点区])\p{Script=Han}|\p{Script=Han}{1,2}(?:哥|姐|书记|主任|老师|师傅))/iu.test(r.clean);
  const farewell = calledAfter || FAREWELL.test(r.clean) || (r.others.length > 0 && !r.mentionsBot) || (remark && OTHER_MATTER.test(remarkText) && !onTheWay(r));
  if (ctx.pushIsLatest && unacked[0] && unacked[0].id === ctx.openCases[0]?.id && !farewell) return act({ kind: 'ack', caseId: unacked[0].id });
  const aside = remark && (r.governed.includes('plan') || ASIDE_REMARK.some((w) => remarkText.includes(w)) || OTHER_MATTER.test(remarkText));
  // @钱警官 收到，马上过去: on the way, but told to someone else.
  // 收到哈 刚才在洗澡没看见: the delay excused after the acknowledgement, still about the push.
  const excused = LATE_AFTER.test(r.clean);
  // 收到 刚才在开例会没看手机: the meeting is the excuse for the delay, not another matter.
  if ((r.others.length > 0 && !r.mentionsBot) || (((aside && !excused) || (remark && wordLength(r) > SHORT_REMARK && !excused)) && !onTheWay(r))) return IGNORE;
  // Cases are pushed to task rooms, never to the volunteers' room: a 收到 there answers the volunteers.
  const recent = unacked.filter((c) => c.pushedMinutesAgo <= RECENT_PUSH_MINUTES && c.pushedHere !== false && ctx.room !== 'volunteers');
  // 接单慢的同志注意一下: with nothing pushed lately, a remark is about something else.
  if (remark && recent.length === 0) return IGNORE;
  if (ctx.role !== 'worker' && ctx.role !== 'lead') return IGNORE;
  // Only 收到/接单 is asked about later; 好的, 嗯, 明白 in a busy group mostly answer people.
  // @网格哨兵 明白: said to the bot, so any acknowledgement is asked about.
  if (!r.toks.some((x) => x.t === 'kw' && x.kind === 'ack' && STRONG_ACK.includes(x.text)) && !onTheWay(r) && !ctx.mention && !r.mentionsBot) return IGNORE;
  if (recent.length === 1) return confirm({ kind: 'ack', caseId: recent[0]!.id }, say.confirmAck(recent[0]!.id));
  // @网格哨兵 收到, privately 收到: said to the bot, so even an older push is asked about.
  if (recent.length === 0 && t.addressed && unacked.length === 1) return confirm({ kind: 'ack', caseId: unacked[0]!.id }, say.confirmAck(unacked[0]!.id));
  if (recent.length > 1) return refuse('which_case', `收到 ${recent[0]!.id}`, say.whichCase(recent));
  // 我要接单 with nothing to take: 接单 is said to the bot, unlike a bare 收到.
  const takes = kwOf(t, 'ack')?.text.includes('接单') === true && ctx.openCases.length === 0;
  // 收到了, 马上去 privately with nothing waiting: an answer to the last message, nothing to take.
  if (ctx.room === 'private' && !takes && unacked.length === 0 && !kwOf(t, 'ack')?.text.includes('接单')) return IGNORE;
  return (t.addressed || takes) && kwOf(t, 'ack') ? refuse('missing_case_id', `收到 ${t.exampleId}`, say.missingCaseId) : IGNORE;
}

/**
 * 正在赶过去, Y9KE 我骑电驴过去, 这单我包了: the sender on the way to their own unacknowledged
 * case, named by its id, by the push right before, or by a quoted dispatch or reminder.
 */
function caseOnTheWay(t: Turn, typed: FoundCase | null): Decision | null {
  const { ctx } = t;
  const waiting = (id: string | null | undefined) => ctx.openCases.some((c) => c.id === id && !c.acknowledged);
  if (typed) {
    if (!waiting(typed.id) || typed.source === 'unknown') return null;
    return typed.source === 'typo' ? confirm({ kind: 'ack', caseId: typed.id }, say.confirmTypo(typed.id)) : act({ kind: 'ack', caseId: typed.id });
  }
  const quote = ctx.quote;
  if (quote?.from === 'person') return null;
  if (quote?.from === 'bot') return (quote.kind === 'dispatch' || quote.kind === 'reminder') && waiting(quote.caseId) ? act({ kind: 'ack', caseId: quote.caseId! }) : null;
  return ctx.pushIsLatest && waiting(ctx.openCases[0]?.id) ? act({ kind: 'ack', caseId: ctx.openCases[0]!.id }) : null;
}

/** 新闻里…, 网上说…, 听说…, 上次那个…: a story from the news or from before, told as it opens (视频里 is how the worker talked). */
const STORY_OPENING = /^\s*(?:刚|我)?(?:看|刷)?(?:新闻|网上|电视|抖音|快手|朋友圈|微博|报纸)(?:里|上|说)|^\s*(?:这个月|今年|上个月|本月|去年)?\s*(?:全市|全区|全省|全国|全县|全街道)|^\s*(?:听说|据说)|^\s*(?:上次|上回|以前|去年|前年)(?:那个|有个|那家)/u;
/** An outcome: stated with 反馈 and a typed id it acts; inferred in any way it is confirmed. */
/** Every result word of the message stands inside quotation marks: someone's words, or a message named. */
function onlyQuotedResults(r: Reading): boolean {
  const quoted = [...r.body.matchAll(/[“"「『][^”"」』]*[”"」』]/gu)];
  const results = r.toks.filter((x) => x.t === 'result');
  return quoted.length > 0 && results.length > 0 && results.every((x) => quoted.some((q) => x.start >= q.index && x.end <= q.index + q[0].length));
}

function report(t: Turn, typed: FoundCase | null, meant: boolean, keyword: boolean): Decision {
  const o = readOutcome(t.r)!;
  const found = typed ?? contextCase(t.ctx, keyword);
  // 反馈一下 停车场…一小时5块: no result said, no case named, not said to the bot: a notice.
  if (!typed && o.inferred && !t.addressed && t.ctx.quote?.from !== 'bot') return IGNORE;
  // 反馈一下今晚的情况 整体还行 就两单没劝住, from a lead with no case of their own: a summary for the room.
  if (!found && OVERSEERS.has(t.ctx.role) && !t.addressed && t.ctx.openCases.length === 0) return IGNORE;
  if (!found) return meant && (t.addressed || keyword) ? refuse('missing_case_id', `反馈 ${t.exampleId} ${describeReport({ ...o, method: o.method, lossAmount: null })}`, say.missingCaseId) : IGNORE;
  if (found.source === 'unknown') return meant || keyword ? unknownCase(t, found.typed) : IGNORE;
  if (found.source === 'text' && !meant) return IGNORE;
  // 查了一下 X6CU 是他儿子报的警: a lead telling the room what happened on a case not their own.
  if (!keyword && OVERSEERS.has(t.ctx.role) && found.source === 'text' && !t.addressed && !t.ctx.openCases.some((c) => c.id === found.id)) return IGNORE;
  // 快递打不通, 维修师傅电话关机了: the case guessed from context, but the sentence is about someone else.
  // 不是诈骗 是给房东交的房租: the other party explains a false alarm; only a failed contact is about them.
  if (!keyword && found.source !== 'text' && found.source !== 'quote' && ELSEWHERE.test(t.r.clean) && (o.result === 'unreachable' || o.result === 'refused')) return IGNORE;
  // 新闻里那个大爷被骗了四十万, 上次那个阿姨也是说误报: right after the push, a story from elsewhere or from before.
  if (!keyword && found.source !== 'text' && found.source !== 'quote' && STORY_OPENING.test(t.r.clean)) return IGNORE;
  // 骗子套路就是先让你赚两百 然后让你充五万 A9HC这个就是这样: the scam's pattern told, its sums a "you" in it.
  if (!keyword && o.result === 'defrauded' && /(?:套路|手法|话术)(?:就是|都是|是)|让你(?:充|转|交|买|投)/u.test(t.r.clean)) return IGNORE;
  // D7YP 到宿舍楼下了 宿管不让进: the gatekeeper keeps the worker out, not the person refusing help.
  if (!keyword && o.result === 'refused' && /(?:宿管|保安|门卫|物业|门岗|保洁|楼管)\p{Script=Han}{0,3}(?:不让进|不让上|不开门|拦着)/u.test(t.r.clean)) return IGNORE;
  // L3MC 家属说“上礼拜就劝过一回了 他不听”: every result said in someone's quoted words; nothing settled by the sender.
  // V3PX反馈里写的“未接通” 是打了几次啊: the result quoted from a report, not given (反馈 first would give it).
  if ((!keyword || !/^\s*反馈/u.test(t.r.clean)) && onlyQuotedResults(t.r)) return IGNORE;
  const results = t.r.toks.filter((x) => x.t === 'result');
  // 统计里显示我上午那单是劝阻成功 S9HR这个还没结果: the result is another case's, told before this one's id.
  const idAt = t.r.toks.find((x) => x.t === 'id');
  if (idAt && results.length > 0 && results.every((x) => x.end <= idAt.start) && /(?:那|另一|上一)单/u.test(t.r.clean.slice(0, idAt.start)) && /还没|还在路上|还在/u.test(t.r.clean.slice(idAt.end))) return IGNORE;
  // F6TQ 家里没人，晚上再去看看: news on a case already taken, not an outcome.
  const own = t.ctx.openCases.find((c) => c.id === found.id);
  // K9MS 他儿子说转了3000 我在核实, 家属说老人早就报警了 我过去看看, 楼长说钱没转 我还在爬楼: the outcome in
  // someone else's words while the sender is still at it; told to the room, nothing to record yet.
  const saidAt = t.r.clean.search(HEARD);
  const firstSaid = t.r.toks.find((x) => x.t === 'result');
  const heardOutcome = saidAt >= 0 && (firstSaid === undefined || firstSaid.start > saidAt) && /转|汇|骗|报警|报了警|报过警|报案|立案|110|\d|[一二两三四五六七八九十百千万]+(?:块|元|万|千)/u.test(t.r.clean.slice(saidAt));
  const stillAtIt = (after: string) => CHECKING.test(after) || WATCHING.test(after) || GOES_ON.test(after) || IN_PROGRESS.test(after) || NEXT_STEP.test(after) || /[我俺](?:还|正|这正|这边|也|还是)?(?:在|要|得|准备|马上|这就|过去|上去|去|再|让|跟|给|帮|陪|到|往|按要求)|再陪|陪(?:她|他|老人)(?:坐|待|聊)/u.test(after);
  if (!keyword && (found.source === 'text' || found.source === 'quote') && own?.acknowledged && heardOutcome && stillAtIt(t.r.clean.slice(saidAt))) return IGNORE;
  // B9TC 在派出所做笔录 晚点反馈: the outcome promised for later; nothing is settled yet.
  if (!/^\s*反馈/u.test(t.r.clean) && own !== undefined && /(?:晚点|晚些|待会儿?|等会儿?|稍后|回头|一会儿?|到时候?|完了|结束后?|弄完)(?:再)?(?:反馈|汇报|报结果)/u.test(t.r.clean)) return IGNORE;
  // 唉 还是被骗了 可惜, 这个地址上次就是误报 on the bot's message about someone else's case: a
  // remark on it, said to the room.
  // 李网格电话里说劝住了 等他自己反馈: the report awaited from the worker, not given.
  if ((!keyword || /等\p{Script=Han}{0,4}(?:自己)?(?:来)?反馈/u.test(t.r.clean)) && found.source === 'quote' && t.ctx.quote?.from === 'bot' && t.ctx.quote.kind !== 'confirmation' && !own && !plainlyToBot(t.r, t.ctx)) return IGNORE;
  const nextStep = t.r.governed.includes('plan') || NEXT_STEP.test(t.r.clean);
  if (!keyword && (found.source === 'text' || found.source === 'quote') && own?.acknowledged && o.result === 'unreachable' && (AT_THE_DOOR_ONLY.test(t.r.clean) || /打不通|没人接|占线|关机|联系不上|没接|不接|空号|停机|无法接通|忙音|不回/u.test(t.r.clean)) && (nextStep || ON_THE_LINE.test(t.r.clean) || (CARRIES_ON.test(t.r.clean) && !VISIT_FAILED.test(t.r.clean))) && !o.conflicting) return IGNORE;
  // Q7RT 老人不听 还在劝, 对方挂了 我再打, 停机了 上门去: the work goes on; nothing is settled yet.
  const goesOn = GOES_ON.test(t.r.clean) || IN_PROGRESS.test(t.r.clean) || nextStep;
  // 不让进门 在楼道聊, 把门关了 我在外面喊着: a refusal met by more work (误报 他在给女儿交学费 tells why instead).
  const worksOn = goesOn || ((o.result === 'refused' || o.result === 'unreachable') && (WATCHING.test(t.r.clean) || CARRIES_ON.test(t.r.clean)));
  // H8SP 一直在劝 老人开始有点听进去了 再聊会, 我按住了让她先别点 继续聊: persuasion only begun, and still going on.
  const partly = o.result === 'dissuaded' && /(?:开始|有点|有些|慢慢|好像|似乎)\p{Script=Han}{0,3}?(?:听进去|听进|松口|动摇|信了|听劝)|先别|暂时|还在犹豫|又要转|一会儿?又|(?:明天|明早|后天|回头|过两天|过几天|改天|下午|晚上|晚点|等会儿?|一会儿?)再(?:转|汇|交|打钱|去银行|取)/u.test(t.r.clean);
  // A2PD 两万还在菜篮子里 我跟着, 他说没转 只下了个会议软件 我盯着: money not gone yet, told while the work goes on;
  // no one was talked round (劝住, 拦下, 稳住), so nothing is settled.
  // 老爷子还不开门, 还不肯删那个app: not yet, said while the sender is still there (还是不开门 is the end of it).
  const notYet = o.result === 'refused' && /(?<![也])还(?!是)\s?(?:不|没|不肯|不让)/u.test(t.r.clean) && !/最后|最终|走了|撤了|回来了|先回/u.test(t.r.clean);
  // 说通了大半 剩个尾巴, 钱暂时保住了 但还要盯, 有点听进去了, 先不转了 我觉得还悬: persuasion half done, said as such.
  const unfinished = o.result === 'dissuaded' && /大半|大致|通了一半|先按住|按住了?\s*(?:正|还|在)|听进去了?(?:一些|一点|一半)|想通了?一点|(?:开始|有点|有些)\p{Script=Han}{0,3}?听进去|还悬|还要想想|还在担心|还不放心|还要盯|还得盯|但还要|还没完|没完事|剩个尾巴|再观察|观察一下|观察观察|再看看情况|[可但]还想|还想把|(?:截|拦|按|摁)(?:住|到)(?:她|他|人)?了?\s*\p{Script=Han}{0,6}?(?:说着|劝着|聊着|在说|在劝|正劝|正说|在摆|在聊|正在(?:摆|聊|说|劝))/u.test(t.r.clean) || (o.result === 'dissuaded' && STILL_AT_IT_HERE.test(t.r.clean) && t.r.toks.filter((x) => x.t === 'result').every((x) => /止付|冻结|冻上|冻住/u.test(x.text)));
  const onlyKept = o.result === 'dissuaded' && !t.r.toks.some((x) => x.t === 'result' && x.result === 'dissuaded' && PERSUADED.test(x.text)) && WATCHING.test(t.r.clean);
  // 他说一分没转 是系统误判 我在看他手机, 老人说他报过警了 …还在核实: the victim's word, being checked
  // (报警了 民警说马上到: the report comes before anyone's words).
  const firstResult = t.r.toks.find((x) => x.t === 'result');
  // 老人说没转钱 我再看看他手机: the money kept, in the victim's word (no result word), being checked too.
  const resultAt = firstResult?.start ?? t.r.clean.search(/(?:没|没有|未|一分没|一分都没)(?:转|汇|打|动)/u);
  const relayedOnly = saidAt >= 0 && resultAt > saidAt && (o.result === 'false_positive' || o.result === 'dissuaded' || o.result === 'reported') && (CHECKING.test(t.r.clean) || WATCHING.test(t.r.clean));
  const unsettled = !keyword && (found.source === 'text' || found.source === 'quote') && own !== undefined && (o.result === 'unreachable' || o.result === 'refused' || o.result === 'false_positive' || partly || onlyKept || relayedOnly || unfinished) && (worksOn || onlyKept || relayedOnly || notYet || unfinished) && (!o.conflicting || relayedOnly) && o.lossAmount === null;
  // The same on a case not yet taken (M5JY 对方挂了 我再打): the sender is at work on it, so it is taken.
  if (unsettled && !own.acknowledged && (GOES_ON.test(t.r.clean) || IN_PROGRESS.test(t.r.clean)) && !t.r.governed.includes('plan') && !/不接|先不|不去|不是我/u.test(t.r.clean)) return act({ kind: 'ack', caseId: own.id });
  if (unsettled && own.acknowledged) return IGNORE;
  // Y4NE 老人说可能被骗了几千 还在问, 好像转了钱 我在陪她查账, 等会儿去 M6VC 家 据说已经转了一笔: a
  // loss only suspected, still being checked by the sender or about to be; nothing to record yet.
  // 老人说转了两千 我在核实: the victim's word on the sum, being checked.
  const sumAt = t.r.clean.search(/[\d零一二两三四五六七八九十百千万]\s?(?:多|来|余)?\s?(?:万|千|块|元|w|k)/iu);
  const sumRelayed = saidAt >= 0 && sumAt > saidAt && (firstResult === undefined || saidAt < firstResult.start);
  if (!keyword && (found.source === 'text' || found.source === 'quote') && own !== undefined && o.result === 'defrauded' && !o.alsoReported && ((UNSURE_LOSS.test(t.r.clean) && (CHECKING.test(t.r.clean) || nextStep)) || ((o.inferred || sumRelayed) && CHECKING.test(t.r.clean)))) return IGNORE;
  if (o.badAmount) return refuse('bad_amount', `反馈 ${found.id} 已被骗 损失5000 已报警`, say.badAmount);
  // 错了 是误报 on the bot's confirmation that an outcome was recorded: a correction, asked first.
  if (found.source === 'quote' && t.ctx.quote?.from === 'bot' && t.ctx.quote.kind === 'confirmation' && !t.ctx.openCases.some((c) => c.id === found.id)) {
    if (!CORRECTING.test(t.r.body) && !plainlyToBot(t.r, t.ctx)) return IGNORE;
    return confirm({ kind: 'correct', caseId: found.id, method: o.method, result: o.result, lossAmount: o.lossAmount }, say.confirmCorrect(found.id, describeReport(o)));
  }
  const command: UnderstoodCommand = { kind: 'report', caseId: found.id, method: o.method, result: o.result, lossAmount: o.lossAmount, approximate: o.approximate, alsoReported: o.alsoReported };
  const said = describeReport(o);
  if (found.source === 'typo') return confirm(command, say.confirmTypo(found.id));
  if (o.tooBig || (o.lossAmount !== null && o.lossAmount > BIG_LOSS)) return confirm(command, say.bigAmount(found.id, said));
  // 损失0.5元, 损失3毛: less than a yuan is most likely a slip; asked as what it is, not as a large sum.
  if (o.lossAmount !== null && o.lossAmount < 1) return confirm(command, say.smallAmount(found.id, said));
  // With 反馈 the sender stated it; a quoted bot message names the case as well as an id does.
  // 反馈 C8PJ 被骗了 手续费500: a loss with a figure in it that was not read as the loss; asked, never stored without it.
  const strayFigure = o.result === 'defrauded' && o.lossAmount === null && /(?<![A-Za-z\d.楼号栋室元])(?!(?:110|120|119|96110)(?!\d))\d{3,7}(?![\d.:：点号楼栋层室单元路岁年月日次个人])/u.test(t.r.ids.reduce((s2, id) => s2.replace(id.typed, ' '), t.r.clean));
  // 反馈 D9VM 已报警 不对 还没报, 反馈 G4ZU 打不通 哦打通了: the sender takes back what was said; asked, never recorded as said.
  const retracted = TAKEN_BACK.test(t.r.clean);
  const inferred = !keyword || (found.source !== 'text' && found.source !== 'quote') || o.approximate || o.conflicting || o.inferred || strayFigure || retracted;
  return inferred ? confirm(command, say.confirmReport(found.id, said)) : act(command);
}
