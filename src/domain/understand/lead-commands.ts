/**
 * The leads' commands and 更正/绑定 with their arguments: 更正 / 重办 / 转派 / 撤销 /
 * 督办 / 绑定, the case from the id or the quoted bot message, the member of a 转派 from the
 * roster when the context has one.
 */
import type { Token } from '../grammar-lexer.js';
import { describeReport, understandReplies as say } from '../understand-replies.js';
import { contextCase, type FoundCase } from './evidence.js';
import { promptFor } from './prompts.js';
import type { Reading } from './read.js';
import { AWAY, memberIn, pickTarget, resolveMember, resolveMention, takesCases } from './reassign.js';
import { readOutcome } from './report.js';
import { act, confirm, refuse, unknownCase, type Turn } from './turn.js';
import type { Decision, UnderstandContext, UnderstoodCommand } from './types.js';

/** Right before the result a case was recorded with by mistake: 之前报成, 错填成, 原来是. */
const WAS_RECORDED = /(?:报成|写成|填成|选成|记成|点成|发成|错报|原来是|之前是|原先是|不是|填的|报的|写的|选的|发的|(?:填|报|写|选|发|点)(?:的是|了))\s*$/u;
/** Right before the result a case becomes: 改为, 改成, 应为, 其实是, 更正为. */
/** 是电话劝阻的, 视频劝的, 上门劝住的: right after a method word, the dissuasion it was used for. */
const PERSUADED_AFTER = /^(?:里|上|中)?劝/u;
const NOW_IS = /(?:改为|改成|应为|应该是|其实是|实际是|实际上|实际|其实|更正为|换成)\s*$/u;
/** Right after the result recorded by mistake: 被骗不对, 误报有误. */
const WAS_WRONG = /^\s*(?:不对|有误|错了|是错的)/u;

/**
 * 赵督导已经, 王社区也, 他: another person right before the keyword (所里督办, 中心督办 are the
 * sender speaking for their office).
 */
const SOMEONE_ELSE = /(?:\p{Script=Han}{1,3}(?:督导|警官|社区|网格|所长|书记|主任)|他|她|他们)(?:已经|已|正|都|也|还)?在?\s*$/u;

/**
 * A keyword command with arguments.
 * @example const k: LeadKind = 'reassign'
 */
export type LeadKind = 'correct' | 'reopen' | 'reassign' | 'cancel' | 'supervise' | 'bind';

/** 更正 / 重办 / 转派 / 撤销 / 督办 / 绑定: a keyword and its arguments. */
export function leadCommand(t: Turn, kind: LeadKind, kw: Token, typed: FoundCase | null): Decision {
  const { r, ctx } = t;
  if (kind === 'bind') {
    // 绑定 K3P9QX, 我的绑定码是X9D6LP, Y2MC6V 绑定: the one code-shaped word, wherever it stands.
    const code = /(?<![A-Za-z0-9])[A-Za-z0-9]{4,16}(?![A-Za-z0-9])/.exec(r.body.replace(/@\S+/g, ''));
    // 绑定 13912345678: a mobile number is not a bind code.
    return code && /\d/.test(code[0]) && !/^1[3-9]\d{9}$/u.test(code[0]) ? act({ kind: 'bind', code: code[0].toUpperCase() }) : refuse('missing_code', '绑定 K3P9QX', say.missingCode);
  }
  // 赵督导已经在督办K7Q2了, 所里正在撤销: someone else at it, or work under way, told to the room.
  const before = r.body.slice(0, kw.start);
  // 让李网格盯紧点: the sender has the member pushed.
  const byOther = SOMEONE_ELSE.test(before) && !/[让叫请催要给]\p{Script=Han}{1,3}(?:督导|警官|社区|网格|所长|书记|主任)\s*$/u.test(before);
  if (kind !== 'correct' && !t.addressed && (byOther || /(?:正|已经|一直)在\s*$/u.test(before))) return { kind: 'ignore' };
  // 刚才那个填错了 是误报, privately with one open case: that case, asked first (the source is not 'text').
  const found = typed ?? (ctx.quote?.from === 'bot' && ctx.quote.caseId ? contextCase(ctx) : kind === 'correct' ? contextCase(ctx) : null);
  const example: Record<Exclude<LeadKind, 'bind'>, string> = {
    correct: `更正 ${found?.id ?? t.exampleId} 劝阻成功`,
    reopen: `重办 ${found?.id ?? t.exampleId} 家属反映又被骗`,
    reassign: `转派 ${found?.id ?? t.exampleId} @周网格`,
    cancel: `撤销 ${found?.id ?? t.exampleId} 重复预警`,
    supervise: `督办 ${found?.id ?? t.exampleId}`,
  };
  // 转给钱警官：明天分局检查组要看…: no case, a message passed on to the person named before the colon.
  if (!found && !t.addressed && /^\s*转(?:给|发给?)\p{Script=Han}{1,5}[:：]\s*\S{8,}/u.test(r.body)) return { kind: 'ignore' };
  if (!found) return refuse('missing_case_id', example[kind], say.missingCaseId);
  if (found.source === 'unknown') return unknownCase(t, found.typed);
  const rest = restOf(r, [kw, r.toks.find((x) => x.t === 'id')]);
  let command: UnderstoodCommand;
  switch (kind) {
    case 'correct': {
      // 应为劝阻成功 之前报成被骗了: the result it was recorded as is not the one it becomes.
      // 改为已报警 (then why, in words that name other results): the result the cue names wins.
      const named = r.toks.find((x) => x.t === 'result' && NOW_IS.test(r.clean.slice(Math.max(0, x.start - 4), x.start)));
      const o = (named ? readOutcome({ ...r, toks: r.toks.filter((x) => x.t !== 'result' || x === named) }) : null) ?? readOutcome({ ...r, toks: r.toks.filter((x) => !(x.t === 'result' && (WAS_RECORDED.test(r.clean.slice(Math.max(0, x.start - 5), x.start)) || WAS_WRONG.test(r.clean.slice(x.end))))) }) ?? readOutcome(r);
      if (!o) {
        // 更正 G5SR 是视频劝的 不是当面: the way it was done corrected, the dissuasion kept; asked first.
        const how = r.toks.find((x): x is Token & { t: 'method' } => x.t === 'method' && PERSUADED_AFTER.test(r.clean.slice(x.end)));
        if (!how) return refuse('missing_result', example.correct, say.missingResult);
        const said = { method: how.method, result: 'dissuaded' as const, lossAmount: null, approximate: false, alsoReported: false };
        return confirm({ kind: 'correct', caseId: found.id, method: said.method, result: said.result, lossAmount: null }, say.confirmCorrect(found.id, describeReport(said)));
      }
      command = { kind: 'correct', caseId: found.id, method: o.method, result: o.result, lossAmount: o.lossAmount };
      // On a quoted bot message, 更正 / 改成 names the case as well as an id does (as 反馈 does);
      // a slip owned up to (搞错了, 不对) or a case guessed from context is asked about.
      const formal = found.source === 'quote' && /^(?:更正|改正|纠正|更改|修改|改成|改为|应改为|结果改)$/u.test(kw.text);
      if (found.source !== 'text' && !formal) return confirm(command, say.confirmCorrect(found.id, describeReport(o)));
      // X6CU 应该是误报吧: a guess at the right outcome, asked first (更正 X6CU 误报吧 says it).
      if (/吧\s*[。.!！~～]*$/u.test(r.body.trim()) && !/^(?:更正|改正|纠正)/u.test(kw.text)) return confirm(command, say.confirmCorrect(found.id, describeReport(o)));
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
      const to = ctx.members ? onRoster(r.others[0], rest, written, ctx.members, r.handedTo) : written;
      if (!to) return refuse('missing_target', example.reassign, say.missingTarget);
      if (ctx.members && !ctx.members.some((m) => m.name === to)) return refuse('unknown_member', example.reassign, say.unknownMember(to));
      if (ctx.members && !takesCases(to, ctx.members)) return refuse('unknown_member', example.reassign, say.notACaseTaker(to));
      command = { kind: 'reassign', caseId: found.id, to };
      // 转派 K7Q2 @小王 read as 王社区: a guess from a nickname, asked first.
      if (r.others[0] !== undefined && ctx.members && to !== r.others[0] && resolveMention(r.others[0], ctx.members) === null) return confirm(command, promptFor(command));
      break;
    }
  }
  if (found.source === 'typo') return confirm(command, say.confirmTypo(found.id));
  // K7Q2 已经转给周网格了, X6CU 昨天督办过了: news of something done, maybe elsewhere; asked first.
  // K7Q2 是重复推送 我撤了: done, told (撤了吧 still asks it).
  const past = /(?:已经|已)\s*$/u.test(r.body.slice(Math.max(0, kw.start - 3), kw.start)) || /^\s*过/u.test(r.body.slice(kw.end)) || (/[我俺]\s*$/u.test(r.body.slice(0, kw.start)) && /^[撤转派]\s*了$/u.test((kw.text + r.body.slice(kw.end)).trim()));
  // 抓紧抓紧 on a quoted alert: the worker pressed, with no word that the sender takes it on; asked first.
  const pressedOnly = kind === 'supervise' && found.source === 'quote' && /^(?:抓紧|快|赶紧|尽快)/u.test(kw.text) && /^[\s抓紧快点赶尽啊呀吧啦！!。~～]*$/u.test(r.body.replace(kw.text, ''));
  return (past && kind !== 'correct') || pressedOnly ? confirm(command, promptFor(command)) : act(command);
}

/**
 * The roster member a 转派 names: the @mention if it is on the roster, else a roster name in the
 * rest, else what was written (an unknown @mention or name, refused by the caller).
 */
function onRoster(mention: string | undefined, rest: string, written: string | null, members: NonNullable<UnderstandContext['members']>, handedTo?: string): string | null {
  const pointed = pickTarget(rest, mention !== undefined ? [mention] : [], members, handedTo);
  if (pointed) return pointed.name;
  const byMention = mention !== undefined ? resolveMention(mention, members) : null;
  if (byMention) return byMention;
  if (mention !== undefined) return mention;
  // 转派 X6CU 周网格今天不在: the one named is away, the reason for a hand-over, never its target.
  const named = memberIn(rest, members);
  if (named && AWAY.test(rest.slice(named.index + named.name.length).replace(/^\s+/u, ''))) return null;
  return named?.name ?? (written !== null ? (resolveMember(written, members) ?? written) : null);
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
    // 重办一下吧 家属又来电话了: 一下 after the keyword is no part of the reason either.
    .replace(/^(?:一下|下)(?:吧|哈|啊|呗)?(?=[\s,，。!！]|$)[\s,，。!！]*/u, '')
    // 撤销吧 重复了: the particle after the keyword is no part of the reason.
    .replace(/^[了吧啊哈呀啦]+(?=[\s,，。!！]|$)[\s,，。!！]*/u, '')
    .trim()
    // 撤销了: a particle is no reason; 是重复推送 我(撤了): the sender left over is none either.
    .replace(/^(?:[了吧啊哈呀啦的吗]\s*)+$/u, '')
    .replace(/^是(?=\p{Script=Han}{2})/u, '')
    .replace(/\s*[我俺]$/u, '');
}
