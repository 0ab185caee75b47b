/**
 * The last word on every decision, whatever grammar made it ("Safety first"): rules
 * that hold by construction, not because a phrase list happens to cover a message.
 * - A state change needs evidence that the sender meant it: a command keyword, a quote of the
 *   bot's case message, the sender's own case id, or the push being the latest message;
 *   otherwise it is only asked about (confirm).
 * - A state change on a case that was inferred (not typed, quoted or just pushed) is asked about.
 * - Chatter gets no reply: any answer needs a message addressed to the bot (private chat, an
 *   @mention, a quote of the bot, the sender's own case id, a command at the head, a reply to
 *   the push or to a pending confirmation, a free-form request, outreach in a volunteer room).
 */
import { KEYWORD as OUTREACH_KEYWORD } from '../outreach-words.js';
import { ABOUT_OUTREACH } from './outreach-sentence.js';
import { atHead, CALLED_FIRST, calledByNameOnly, isAddressed, LATE_SEEN } from './evidence.js';
import { readFreeForm } from './free-forms.js';
import type { Reading } from './read.js';
import { promptFor } from './prompts.js';
import { pickTarget } from './reassign.js';
import { STATE_CHANGING, type Decision, type UnderstandContext, type UnderstoodCommand } from './types.js';

const IGNORE: Decision = { kind: 'ignore' };

const caseOf = (c: UnderstoodCommand) => ('caseId' in c ? c.caseId : null);

/** The sender showed that they meant this state change. */
function intentShown(c: UnderstoodCommand, r: Reading, ctx: UnderstandContext): boolean {
  if (c.kind === 'confirm_yes' || c.kind === 'confirm_no') return ctx.pendingConfirmation;
  if (ctx.quote?.from === 'bot' && ctx.quote.caseId !== null) return true;
  if (ctx.pushIsLatest && ctx.openCases[0] !== undefined) return true;
  if (r.ids.some((e) => e.how === 'own')) return true;
  if (r.toks.some((t) => t.t === 'kw' || (t.t === 'weak' && atHead(r.toks, t)))) return true;
  if (c.kind === 'outreach') return ABOUT_OUTREACH.test(r.body);
  if (c.kind === 'withdraw') return /撤回|撤销/u.test(r.body);
  if (c.kind === 'bind') return /绑\s*定/u.test(r.body);
  // 让周网格去, 由李网格负责, 给周网格: a hand-over cue pointing at a member.
  if (c.kind === 'reassign') return ctx.members ? pickTarget(r.body, r.others, ctx.members, r.handedTo) !== null : /给|由|让/u.test(r.body);
  return false;
}

/** The case was typed (own or visible), quoted, or just pushed: not guessed. */
function caseStated(id: string, r: Reading, ctx: UnderstandContext): boolean {
  if (r.ids.some((e) => e.id === id && (e.how === 'own' || e.how === 'visible'))) return true;
  if (ctx.quote?.from === 'bot' && ctx.quote.caseId === id) return true;
  return ctx.pushIsLatest && ctx.openCases[0]?.id === id;
}

/**
 * 通知：…, 【通知】…, 培训通知：…讲怎么用哨兵, 本周督办情况通报：周一 X6CU 超时32分钟 已督办…: an announcement
 * or bulletin under its title is read by people, whatever it names.
 */
const BULLETIN = /^\s*[【[]?\p{Script=Han}{0,10}?(?:通知|公告|提醒|通报|总结|汇总|小结|简报|周报|日报|月报|纪要)(?:[】\]]\s*[:：]?|\s*[:：])/u;
/** Asking the people in the room: 有人知道…, 谁会…, 大家…, 大伙…, 你们…, 各位… */
const ASKS_PEOPLE = /谁|有人|大家|大伙|你们|各位/u;
/** Speaking to people, not to the bot: 你/您 (not 你好), 你们, 大家, 各位. */
const SECOND_PERSON = /你(?!好)|您(?!好)|大家|各位/u;

function toPerson(r: Reading, ctx: UnderstandContext): boolean {
  return calledFirst(r, ctx) || SECOND_PERSON.test(r.body);
}

/** A person called by name or title before anything else: 林管理 这帮助菜单…, 王书记 今天…. */
function calledFirst(r: Reading, ctx: UnderstandContext): boolean {
  const body = r.body.trim();
  const name = /^\S+/u.exec(body)?.[0] ?? '';
  return CALLED_FIRST.test(body) || (ctx.members?.some((m) => m.name === name) ?? false);
}

/** Said to the bot, so an answer is not a reply to chatter. */
function addressed(d: Decision, r: Reading, ctx: UnderstandContext): boolean {
  if (isAddressed(ctx, r)) return true;
  // 今日宣传汇总：东沟村文化礼堂…: a volunteer's own log under a title is still the log.
  if (BULLETIN.test(r.body) && !((d.kind === 'act' || d.kind === 'confirm') && d.command.kind === 'outreach')) return false;
  const c = d.kind === 'act' || d.kind === 'confirm' ? d.command : null;
  // 宣传 金台里 摆摊 80人 装APP 26, quoting the lead's 今天谁去宣传了: a log is the bot's whatever it answers.
  if (c?.kind === 'outreach' && OUTREACH_KEYWORD.test(r.body)) return true;
  // 已反馈 on a colleague's quoted message answers the colleague, unless a case is named.
  if (ctx.quote?.from === 'person' && !r.ids.some((e) => e.how !== 'unknown')) return false;
  if (c && (c.kind === 'confirm_yes' || c.kind === 'confirm_no')) return ctx.pendingConfirmation;
  // 李姐 G5PY 那栋楼门禁密码多少, F9MD 的地址你帮我看下: a question put to a person.
  if ((c === null || c.kind === 'query') && toPerson(r, ctx)) return false;
  if (r.ids.some((e) => e.how === 'own' || e.how === 'typo')) return true;
  // A command or a case id first (收到 K7Q2, K7Q2 有结果了吗, X6CU 我这边督办).
  // 请问 X6CU 有人上门了没有, 周末这单 Y4DS 还没结: a polite opening or the time pointed at, then the case.
  const opening = /^\s*(?:请问|问下|问一下|麻烦问下)?\s*(?:(?:今天|昨天|周末|早上|上午|下午|晚上|夜里|凌晨|刚才)\s*)?(?:这单|那单)?\s*/u.exec(r.clean)![0].length;
  if (r.ids.some((e) => e.start === opening && e.how !== 'unknown')) return true;
  const head = r.toks.find((t) => t.t !== 'particle' && t.t !== 'filler');
  if (head && (head.t === 'id' || ((head.t === 'kw' || head.t === 'weak') && atHead(r.toks, head)))) return true;
  // 不好意思刚看到 收到: the acknowledgement after an apology for the delay.
  if (c?.kind === 'ack' && LATE_SEEN.test(r.clean)) return true;
  const second = r.toks.filter((t) => t.t !== 'particle' && t.t !== 'filler')[1];
  if (second && (second.t === 'kw' || second.t === 'weak') && atHead(r.toks, second)) return true;
  // 把 X6CU 转给@刘网格, 不好意思 K7Q2 选错了 改为误报: a case named with a command word.
  if (r.ids.some((e) => e.how === 'visible') && r.toks.some((t) => t.t === 'kw')) return true;
  // 转 X6CU 给李网格, 让周网格接 R9JD: a hand-over naming both the case and the member.
  if (c?.kind === 'reassign' && r.ids.some((e) => e.id === c.caseId)) return true;
  if (c && ctx.pushIsLatest && caseOf(c) !== null && caseOf(c) === ctx.openCases[0]?.id) return true;
  if (OUTREACH_KEYWORD.test(r.body) || (c && (c.kind === 'outreach' || c.kind === 'withdraw') && ctx.room === 'volunteers')) return true;
  // 撤回刚才的宣传: the log named, the command first.
  if (c?.kind === 'withdraw' && /^\s*撤回.*(?:宣传|登记)/u.test(r.body)) return true;
  // 有人知道怎么用吗: asked of the people in the room.
  if (ASKS_PEOPLE.test(r.body)) return false;
  // 我报过几次宣传了: a volunteer's own logs, which only the bot keeps.
  if (c?.kind === 'mine' && ctx.role === 'volunteer' && /宣传|记录|登记|数据|我报的/u.test(r.body)) return true;
  // 我还有几件没办完, 辖区目前情况如何, 今天全社区多少单, 能看下帮助吗: a request only the bot answers.
  if (c && (c.kind === 'mine' || c.kind === 'stats' || c.kind === 'help') && r.toks.some((t) => t.t === 'kw' && t.kind === c.kind)) return true;
  return readFreeForm(r, false) !== null;
}

/**
 * Applies the safety rules to a decision: chatter left alone, state changes without evidence of
 * intent or on a guessed case turned into a one-tap question.
 * @example guard({ kind: 'act', command: { kind: 'supervise', caseId: 'X6CU' } }, reading, ctx) // confirm, when nothing showed intent
 */
export function guard(d: Decision, r: Reading, ctx: UnderstandContext): Decision {
  if (d.kind === 'ignore') return d;
  // 林管理 这帮助菜单第三条是不是少了个例子, even quoting the bot: a person called first is asked, not the bot.
  const c = d.kind === 'act' || d.kind === 'confirm' ? d.command : null;
  if (c && (c.kind === 'help' || c.kind === 'mine' || c.kind === 'stats') && !ctx.mention && !r.mentionsBot && ctx.room !== 'private' && !r.toks.some((t) => t.t === 'kw' && t.kind === c.kind && atHead(r.toks, t)) && calledFirst(r, ctx)) return IGNORE;
  if (!addressed(d, r, ctx)) return IGNORE;
  if (d.kind === 'refuse' && d.reason === 'not_understood' && calledByNameOnly(ctx, r) && !r.ids.some((e) => e.how === 'own')) return IGNORE;
  if ((d.kind !== 'act' && d.kind !== 'confirm') || !STATE_CHANGING.has(d.command.kind)) return d;
  // 不必督办 网格员在路上了: a command called off leaves everything as it is.
  if (r.calledOff) return IGNORE;
  if (d.kind === 'confirm') return d;
  const id = caseOf(d.command);
  if (!intentShown(d.command, r, ctx) || (id !== null && !caseStated(id, r, ctx))) return { kind: 'confirm', command: d.command, prompt: promptFor(d.command) };
  return d;
}
