/**
 * The case grammar in the understanding step: acknowledgements, outcomes, corrections,
 * queries and the leads' commands, decided with the context (issue 13). Questions never
 * change state; inferred outcomes and slipped ids are confirmed first; unknown ids answered.
 */
import type { WordKind } from '../case-words.js';
import { STRONG_ACK } from '../case-words.js';
import type { Token } from '../grammar-lexer.js';
import { describeReport, understandReplies as say } from '../understand-replies.js';
import { atHead, contextCase, typedCase, type FoundCase } from './evidence.js';
import { readFreeForm } from './free-forms.js';
import type { Reading } from './read.js';
import { delegation, memberIn, resolveMember } from './reassign.js';
import { readOutcome } from './report.js';
import type { Decision, RefuseReason, UnderstandContext, UnderstoodCommand } from './types.js';

const IGNORE: Decision = { kind: 'ignore' };
/** Not finding anyone at the door, said without 反馈, is progress news (晚上再去看看). */
const AT_THE_DOOR_ONLY = /不在家|家中无人|家里没人|没人在家|人在外地/u;
const OVERSEERS = new Set(['lead', 'supervisor', 'operator', 'admin']);
/** A loss above this is questioned before it is stored. */
const BIG_LOSS = 10_000_000;
/** A bare 收到 may mean a case pushed at most this long ago (issue 13). */
const RECENT_PUSH_MINUTES = 30;

const act = (command: UnderstoodCommand): Decision => ({ kind: 'act', command });
const confirm = (command: UnderstoodCommand, prompt: string): Decision => ({ kind: 'confirm', command, prompt });
const refuse = (reason: RefuseReason, example: string, hint?: string): Decision => (hint ? { kind: 'refuse', reason, example, hint } : { kind: 'refuse', reason, example });

interface Turn {
  r: Reading;
  ctx: UnderstandContext;
  addressed: boolean;
  kws: (Token & { t: 'kw' })[];
  /** An example id for refusals: the sender's newest open case, else K7Q2. */
  exampleId: string;
}

const kwOf = (t: Turn, kind: WordKind) => t.kws.find((k) => k.kind === kind);
/** Nothing but the keyword and politeness (督办一下, 查个, 查 1234, 转派 @周网格): a command missing its case. */
const bare = (t: Turn, kw: Token) => atHead(t.r.toks, kw) && t.r.toks.every((x) => x === kw || x.t === 'particle' || x.t === 'filler' || x.t === 'weak' || (x.t === 'word' && /^(?:[\d.,]+|个|下)$/u.test(x.text)));
const unknownCase = (t: Turn, typed: string) => refuse('unknown_case', `查 ${t.exampleId}`, say.unknownCase(typed, t.ctx.openCases));

/** Decides a message by the case grammar. */
export function decideCase(r: Reading, ctx: UnderstandContext, addressed: boolean): Decision {
  const kws = r.toks.filter((x): x is Token & { t: 'kw' } => x.t === 'kw');
  const t: Turn = { r, ctx, addressed, kws, exampleId: ctx.openCases[0]?.id ?? 'K7Q2' };
  if (r.question) return question(t);
  const first = kws[0];
  const head = first !== undefined && atHead(r.toks, first);
  const typed = typedCase(r);
  // Meant for the bot: addressed, begun with a keyword, or naming the sender's own case.
  const meant = addressed || head || (typed !== null && (typed.source === 'typo' || ctx.openCases.some((c) => c.id === typed.id)));

  const overseer = OVERSEERS.has(ctx.role);
  for (const kind of ['correct', 'reopen', 'reassign', 'cancel', 'supervise', 'bind'] as const) {
    const kw = kwOf(t, kind);
    if (!kw) continue;
    const leads = kind !== 'correct' && kind !== 'bind';
    // 交给我吧 from a worker takes the case; 转派/撤销/督办 are for leads and supervisors.
    if (leads && !overseer) {
      if (atHead(r.toks, kw) && (meant || typed !== null)) return refuse('not_allowed', '帮助', say.leadsOnly);
      continue;
    }
    const quoted = ctx.quote?.from === 'bot' && ctx.quote.caseId !== null;
    // 更正一下，明天会议在二楼: without a case, only a message to the bot counts, or the bare keyword.
    if (!typed && !quoted && !(addressed || bare(t, kw) || (kind === 'bind' && ctx.role === 'stranger'))) continue;
    if (meant || quoted || (typed?.source === 'text' && (atHead(r.toks, kw) || overseer || kind === 'correct'))) return leadCommand(t, kind, kw, typed);
  }
  const phrase = typed ? null : phraseCommand(t);
  if (phrase) return phrase;
  // 转 X6CU 给李网格, K7Q2给周网格: a lead handing a case to a named member.
  // With the roster: 让周网格去一趟, 由吴网格负责, 周网格跟进一下 as well.
  const given = overseer && typed?.source === 'text' ? (ctx.members ? delegation(r.body, ctx.members) : (/给\s*([\p{Script=Han}]{1,3}(?:网格员|网格|社区|督导))/u.exec(r.body)?.[1] ?? null)) : null;
  if (given) return act({ kind: 'reassign', caseId: typed!.id, to: given });
  const outcome = readOutcome(r);
  const reportKw = kwOf(t, 'report');
  if (outcome) return report(t, typed, meant, reportKw !== undefined);
  const idTok = r.toks.find((x) => x.t === 'id');
  // X6CU处置结果, K7Q2 多久能有结果: asking for the result, not giving one.
  if (reportKw && /结果/.test(r.body) && typed && idTok && idTok.start < reportKw.start && typed.source !== 'unknown') return caseQuery(t, typed);
  const strongAck = r.toks.find((x) => x.t === 'kw' && x.kind === 'ack' && STRONG_ACK.includes(x.text));
  // T9KE 收到 到了回复: the acknowledgement comes first; 回复 is what will follow.
  if (strongAck && reportKw && strongAck.start < reportKw.start) return acknowledge(t, typed, strongAck, meant);
  const onlyKeyword = reportKw !== undefined && r.toks.every((x) => x === reportKw || x.t === 'particle' || x.t === 'filler' || x.t === 'id');
  if (reportKw && (addressed || typed !== null || onlyKeyword)) return refuse('missing_result', `反馈 ${typed?.id ?? t.exampleId} 上门 劝阻成功`, say.missingResult);
  const ackTok = r.toks.find((x) => (x.t === 'kw' && x.kind === 'ack') || (x.t === 'weak' && atHead(r.toks, x)));
  if (ackTok) return acknowledge(t, typed, ackTok, meant);
  const query = kwOf(t, 'query');
  if (query && !typed && bare(t, query)) return refuse('missing_case_id', `查 ${t.exampleId}`, say.missingCaseId);
  if (query && (addressed || typed?.source === 'text' || typed?.source === 'typo' || (atHead(r.toks, query) && typed !== null))) return caseQuery(t, typed);
  if (typed && ctx.openCases.some((c) => c.id === typed.id) && addressed) return refuse('not_understood', `反馈 ${typed.id} 上门 劝阻成功`);
  return addressed ? refuse('not_understood', '帮助') : IGNORE;
}

/** 我的 / 统计 / 帮助 alone (with politeness: 帮助 谢谢). */
function soleKeyword(t: Turn): 'mine' | 'stats' | 'help' | null {
  let kind: 'mine' | 'stats' | 'help' | null = null;
  for (const x of t.r.toks) {
    if (x.t === 'kw' && (x.kind === 'mine' || x.kind === 'stats' || x.kind === 'help') && (kind === null || kind === x.kind)) kind = x.kind;
    else if (!(x.t === 'particle' || x.t === 'filler')) return null;
  }
  return kind;
}

/** 帮助 / 我的 / 统计 alone, or their free forms (不会用, 我还剩几个, 今天的数发一下); 统计 is for leads. */
function phraseCommand(t: Turn): Decision | null {
  const overseer = OVERSEERS.has(t.ctx.role);
  let kind = soleKeyword(t) ?? readFreeForm(t.r, t.addressed);
  // 现在什么情况 on a quoted alert asks about that case, not about the shift.
  if (kind !== 'help' && t.ctx.quote?.from === 'bot' && t.ctx.quote.caseId) kind = null;
  if (!kind) return null;
  if (kind === 'stats' && !overseer) return refuse('not_allowed', '我的', say.statsLeadsOnly);
  return act({ kind });
}

/** A question: never a state change; it may become 查, 我的, 统计 or 帮助. */
function question(t: Turn): Decision {
  const { r, ctx } = t;
  const typed = typedCase(r);
  const phrase = typed ? null : phraseCommand(t);
  if (phrase) return phrase;
  if (kwOf(t, 'help') && !typed) return act({ kind: 'help' });
  // @周网格 K7Q2 劝住了吗？ is asked of a colleague.
  if (!t.addressed && r.others.length > 0) return IGNORE;
  const idTok = r.toks.find((x) => x.t === 'id');
  // 谁收到K7Q2了？ is a colleague's question; Q7RT 劝住了吗 (the id first) is asked of the bot.
  const asked = t.addressed || kwOf(t, 'query') !== undefined || (idTok !== undefined && atHead(r.toks, idTok)) || ctx.openCases.some((c) => c.id === typed?.id);
  if (typed && typed.source !== 'unknown' && asked) return caseQuery(t, typed);
  // 查 Y9YY is answered; T9KE 那个怎么样了 (a free-form question about an id the sender cannot see) is not.
  const query = kwOf(t, 'query');
  if (typed && ((query && atHead(r.toks, query)) || t.addressed)) return unknownCase(t, typed.typed);
  if (!typed && ctx.quote?.from === 'bot' && ctx.quote.caseId) return caseQuery(t, null);
  if (query && (t.addressed || atHead(r.toks, query))) return caseQuery(t, null);
  return t.addressed ? refuse('not_understood', '帮助') : IGNORE;
}

function caseQuery(t: Turn, typed: FoundCase | null): Decision {
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
    // C2MU 还在路上: a progress remark on a case already taken.
    if (own?.acknowledged && !strong) return IGNORE;
    // 好的 K7Q2 我来处理 from a lead: they take over the escalation.
    if (overseer && !own) return act({ kind: 'supervise', caseId: typed.id });
    return typed.source === 'typo' ? confirm({ kind: 'ack', caseId: typed.id }, say.confirmTypo(typed.id)) : act({ kind: 'ack', caseId: typed.id });
  }
  if (quote?.from === 'person') return IGNORE;
  if (quote?.from === 'bot') {
    if (!quote.caseId) return IGNORE;
    if (overseer && (quote.kind === 'escalation' || quote.kind === 'reminder')) return act({ kind: 'supervise', caseId: quote.caseId });
    return quote.kind === 'confirmation' ? IGNORE : act({ kind: 'ack', caseId: quote.caseId });
  }
  // Only a short reply that starts with the acknowledgement is a bare one (收到，这就出发).
  if (!atHead(r.toks, ackTok) || [...r.body].length > 16) return IGNORE;
  const unacked = ctx.openCases.filter((c) => !c.acknowledged);
  if (ctx.pushIsLatest && unacked[0] && unacked[0].id === ctx.openCases[0]?.id) return act({ kind: 'ack', caseId: unacked[0].id });
  // Later, only a bare acknowledgement (收到, 好的) may mean the push; a remark makes it chatter.
  if (!r.toks.every((x) => x.t === 'weak' || x.t === 'particle' || (x.t === 'kw' && x.kind === 'ack')) && [...r.body].length > 6) return IGNORE;
  const recent = unacked.filter((c) => c.pushedMinutesAgo <= RECENT_PUSH_MINUTES && c.pushedHere !== false);
  if (ctx.role !== 'worker' && ctx.role !== 'lead') return IGNORE;
  if (recent.length === 1) return confirm({ kind: 'ack', caseId: recent[0]!.id }, say.confirmAck(recent[0]!.id));
  if (recent.length > 1) return refuse('which_case', `收到 ${recent[0]!.id}`, say.whichCase(recent));
  return t.addressed && kwOf(t, 'ack') ? refuse('missing_case_id', `收到 ${t.exampleId}`, say.missingCaseId) : IGNORE;
}

/** An outcome: stated with 反馈 and a typed id it acts; inferred in any way it is confirmed. */
function report(t: Turn, typed: FoundCase | null, meant: boolean, keyword: boolean): Decision {
  const o = readOutcome(t.r)!;
  const found = typed ?? contextCase(t.ctx, keyword);
  if (!found) return meant && (t.addressed || keyword) ? refuse('missing_case_id', `反馈 ${t.exampleId} ${describeReport({ ...o, method: o.method, lossAmount: null })}`, say.missingCaseId) : IGNORE;
  if (found.source === 'unknown') return meant || keyword ? unknownCase(t, found.typed) : IGNORE;
  if (found.source === 'text' && !meant) return IGNORE;
  // F6TQ 家里没人，晚上再去看看: news on a case already taken, not an outcome.
  const own = t.ctx.openCases.find((c) => c.id === found.id);
  if (!keyword && found.source === 'text' && own?.acknowledged && o.result === 'unreachable' && AT_THE_DOOR_ONLY.test(t.r.clean) && !o.conflicting) return IGNORE;
  if (o.badAmount) return refuse('bad_amount', `反馈 ${found.id} 已被骗 损失5000 已报警`, say.badAmount);
  const command: UnderstoodCommand = { kind: 'report', caseId: found.id, method: o.method, result: o.result, lossAmount: o.lossAmount, approximate: o.approximate, alsoReported: o.alsoReported };
  const said = describeReport(o);
  if (found.source === 'typo') return confirm(command, say.confirmTypo(found.id));
  if (o.tooBig || (o.lossAmount !== null && (o.lossAmount > BIG_LOSS || o.lossAmount < 1))) return confirm(command, say.bigAmount(found.id, said));
  // With 反馈 the sender stated it; a quoted bot message names the case as well as an id does.
  const inferred = !keyword || (found.source !== 'text' && found.source !== 'quote') || o.approximate || o.conflicting;
  return inferred ? confirm(command, say.confirmReport(found.id, said)) : act(command);
}

type LeadKind = 'correct' | 'reopen' | 'reassign' | 'cancel' | 'supervise' | 'bind';

/** 更正 / 重办 / 转派 / 撤销 / 督办 / 绑定: a keyword and its arguments. */
function leadCommand(t: Turn, kind: LeadKind, kw: Token, typed: FoundCase | null): Decision {
  const { r, ctx } = t;
  if (kind === 'bind') {
    // 绑定 K3P9QX, 我的绑定码是X9D6LP, Y2MC6V 绑定: the one code-shaped word, wherever it stands.
    const code = /(?<![A-Za-z0-9])[A-Za-z0-9]{4,16}(?![A-Za-z0-9])/.exec(r.body.replace(/@\S+/g, ''));
    return code && /\d/.test(code[0]) ? act({ kind: 'bind', code: code[0].toUpperCase() }) : refuse('missing_code', '绑定 K3P9QX', say.missingCode);
  }
  const found = typed ?? (ctx.quote?.from === 'bot' && ctx.quote.caseId ? contextCase(ctx) : null);
  const example: Record<Exclude<LeadKind, 'bind'>, string> = {
    correct: `更正 ${found?.id ?? t.exampleId} 劝阻成功`,
    reopen: `重办 ${found?.id ?? t.exampleId} 家属反映又被骗`,
    reassign: `转派 ${found?.id ?? t.exampleId} @周网格`,
    cancel: `撤销 ${found?.id ?? t.exampleId} 重复预警`,
    supervise: `督办 ${found?.id ?? t.exampleId}`,
  };
  if (!found) return refuse('missing_case_id', example[kind], say.missingCaseId);
  if (found.source === 'unknown') return unknownCase(t, found.typed);
  const rest = restOf(r, [kw, r.toks.find((x) => x.t === 'id')]);
  let command: UnderstoodCommand;
  switch (kind) {
    case 'correct': {
      const o = readOutcome(r);
      if (!o) return refuse('missing_result', example.correct, say.missingResult);
      command = { kind: 'correct', caseId: found.id, method: o.method, result: o.result, lossAmount: o.lossAmount };
      if (found.source !== 'text') return confirm(command, say.confirmCorrect(found.id, describeReport(o)));
      break;
    }
    case 'reopen':
      command = { kind: 'reopen', caseId: found.id, reason: rest };
      break;
    case 'cancel':
      if (!rest) return refuse('missing_reason', example.cancel, say.missingReason);
      command = { kind: 'cancel', caseId: found.id, reason: rest };
      break;
    case 'supervise':
      command = { kind: 'supervise', caseId: found.id };
      break;
    case 'reassign': {
      const written = r.others[0] ?? reassignTarget(rest);
      if (written !== null && /^我/.test(written) && ctx.role === 'worker') return act({ kind: 'ack', caseId: found.id });
      const to = ctx.members ? onRoster(r.others[0], rest, written, ctx.members) : written;
      if (!to) return refuse('missing_target', example.reassign, say.missingTarget);
      if (ctx.members && !ctx.members.some((m) => m.name === to)) return refuse('unknown_member', example.reassign, say.unknownMember(to));
      command = { kind: 'reassign', caseId: found.id, to };
      break;
    }
  }
  return found.source === 'typo' ? confirm(command, say.confirmTypo(found.id)) : act(command);
}

/**
 * The roster member a 转派 names: the @mention if it is on the roster, else a roster name in the
 * rest, else what was written (an unknown @mention or name, refused by the caller).
 */
function onRoster(mention: string | undefined, rest: string, written: string | null, members: NonNullable<UnderstandContext['members']>): string | null {
  const byMention = mention !== undefined ? resolveMember(mention, members) : null;
  if (byMention) return byMention;
  if (mention !== undefined) return mention;
  return memberIn(rest, members)?.name ?? (written !== null ? (resolveMember(written, members) ?? written) : null);
}

/** Roster names end like this in the field (周网格, 王社区): found anywhere in the rest. */
const NAMED = /[\p{Script=Han}]{1,3}(?:网格员|网格|社区|督导|书记|主任|民警|警官)/u;

/** The member a case goes to: after 给/由/换/到/→, else a roster-shaped name, else the rest. */
function reassignTarget(rest: string): string | null {
  const clean = rest.replace(/^(?:把|将|请|麻烦)+/u, '').replace(/这个|这件|这单/gu, '');
  const after = /(?:给|由|换成|换|到|→|->)\s*([\p{Script=Han}A-Za-z]{1,8}?)(?=去|来|负责|处理|跟进|吧|了|\s|[,，。!！]|$)/u.exec(clean);
  if (after) return after[1]!;
  const named = NAMED.exec(clean);
  if (named) return named[0];
  const plain = /^([\p{Script=Han}A-Za-z]{2,8}?)(?:处理|负责|跟进|去|吧|了)*$/u.exec(clean.trim());
  return plain ? plain[1]! : null;
}

/** The text without the keyword and the id: a reason or a name. */
function restOf(r: Reading, spans: (Token | undefined)[]): string {
  let out = r.body;
  for (const s of [...spans].filter((x): x is Token => x !== undefined).sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + ' ' + out.slice(s.end);
  return out
    .replace(/\s+/g, ' ')
    .replace(/^[\s,，。、:：;；!！.\-—~～]+|[\s,，。、:：;；!！.\-—~～]+$/gu, '')
    .replace(/^(?:原因|理由|因为|由于)[\s:：,，]*/u, '')
    .trim();
}
