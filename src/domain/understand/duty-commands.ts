/**
 * Duty commands as people write them (issue 16): 值班 / 值班表 (今晚谁值班 in private or @-mentioning the bot); 请假 明天 (孩子发烧),
 * 请假 11月30日-12月2日, a lead's 请假 @李网格 明天 or 李网格请假明天; 批准 / 批准 李网格 /
 * 准假 / 不批准 / 驳回; 换班 @周网格 明天, 跟周网格换班 周三; 同意换班 / 不同意, and a bare
 * 同意 / 不同意 / 可以 from the member a swap waits for. Null when the message is none of these.
 */
import { resolveMember } from './reassign.js';
import type { Reading } from './read.js';
import type { Decision, UnderstandContext } from './types.js';

const compact = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
const DUTY = /^(?:那个|请问|查一?下|查询|看看|看一?下)?(?:谁|哪位)?(?:今天晚上|今天白天|明天晚上|今天|今晚|现在|明天|明晚|这周|本周|下周|周末|晚上|夜里|白天|国庆|春节|元旦|过年|节假日|五一|中秋|这几天)?(?:是)?(?:谁|哪位|哪个|边个)?(?:在)?值班(?:表|情况|安排|人员|名单)?(?:的?是谁|的?是哪位|的?人(?:是谁)?)?(?:发一下|发下|发我|发个|看看|看下|给我)?(?:呢|啊|呀)?$/u;
/** Characters a day range is written with; the rest of a 请假 line is its reason. */
const DAYS = /^(?:[0-9０-９一二两三四五六七八九十月日号.\-—–~～至到今明后大天周星期礼拜下本这午晚早中夜上]|(?<=[0-9０-９一二两三四五六七八九十日号天])(?:和|、))+/u;
const LEAVE = /^(.*?)(?:要|想|申请|需要)?请(?:个)?假\s*(.*)$/u;
const SWAP = /^(?:我)?(?:想|要|申请)?(?:跟|和|与)?(.*?)换(?:个|一下|下)?(?:\p{Script=Han}{1,4}的)?[班版](?!了|的|嘅|太|挺|以后|之后|成功)\s*(.*)$/u;
const APPROVE = /^(?:批准|准假|准了|批了|同意请假|批准请假|同意(?=.*请假))\s*(.*)$/u;
const REJECT = /^(?:不批准|不批|不准|驳回|不同意请假|不同意(?=.*请假))\s*(.*)$/u;
const SWAP_YES = new Set(['同意', '同意换班', '可以', '可以换', '行', '好', '好的', '没问题', '换吧', '同意换']);
const SWAP_NO = new Set(['不同意', '不同意换班', '不行', '不换', '不可以', '换不了', '没空']);
const LEADS = new Set(['lead', 'supervisor', 'admin', 'operator']);

/** After 请假 / 换班: what makes it a topic (请假的同志, 请假条, 换班要提前说), not a request. */
const TOPIC_AFTER = /^\s*(?:的|条|单|手续|流程|制度|规定|期间|那几天|那天|这几天|的时候|以后|之后|这事|这个事|的事|成功|太|挺|了\s*\S|[、和及与/]\s*(?:换班|调班|请假|休假|调休)|(?:统一|一律|都|请|直接)?找)/u;
/**
 * 今晚谁值班啊, 值班的是哪位: a question put to people. In a group it is asked of colleagues (as
 * train.jsonl's 晚上谁值班来着) and left to them; the command there is 值班 / 值班表, or the question
 * with the bot @-mentioned. In private chat it is answered.
 */
const ASKS_WHO = /谁|哪位|哪个|边个/u;
/** 值班辛苦了, 值班的同志辛苦: thanks to whoever is on duty, not a question about who is. */
const THANKS_AFTER = /值班(?:的)?(?:同志|同事|人员|的)?(?:们)?(?:辛苦|加油|注意|愉快|受累)/u;
/** 请假要提前说 (glued on): a rule about leave; 请假 要陪老人看病 (a pause first) is the reason. */
const RULE_AFTER = /^(?:要|得|需要|必须|一律|都要)/u;
/** Said before the request: 那个, 嗯, 哦. */
const OPENING = /^(?:那个|嗯|哦|啊|呃)\s*/u;
const leaveExample = '请假 明天，或：请假 11月30日-12月2日';
const swapExample = '换班 @周网格 明天';

/** The member a word or an @mention means, with the rest of the text. */
function whoAndRest(text: string, others: readonly string[], ctx: UnderstandContext): { who: string | null; rest: string } {
  const members = ctx.members ?? [];
  // An @mention names a member by the roster name only; a nickname is not guessed (core answers
  // that nobody of that name is on the roster).
  if (others.length > 0) return { who: members.find((m) => m.name === others[0])?.name ?? others[0]!, rest: text };
  const t = text.trim();
  // 李网格明天 (no space): the longest roster name at the start.
  const named = [...members].sort((a, b) => b.name.length - a.name.length).find((x) => t.startsWith(x.name));
  if (named) return { who: named.name, rest: t.slice(named.name.length) };
  // 老周 明天: a nickname as the first word.
  const m = /^(\S+?)(?:\s+|$)(.*)$/u.exec(t);
  const who = m ? resolveMember(m[1]!, members) : null;
  return who ? { who, rest: m![2]! } : { who: null, rest: t };
}

function splitDays(text: string): { days: string; reason: string } {
  const t = text.replace(/^[\s\p{P}\p{S}]+/u, '');
  const m = DAYS.exec(t);
  return m ? { days: m[0], reason: t.slice(m[0].length).replace(/^[\s,，:：]+/u, '').slice(0, 200) } : { days: '', reason: t.slice(0, 200) };
}

/**
 * Reads a duty command, or returns null.
 * @example decideDuty(read('请假 明天'), ctx) // { kind: 'act', command: { kind: 'leave', member: null, days: '明天', reason: '' } }
 */
export function decideDuty(r: Reading, ctx: UnderstandContext, text: string = r.body): Decision | null {
  const body = r.body.trim();
  const word = compact(body);
  if (word === '') return null;
  if (DUTY.test(word)) {
    if (THANKS_AFTER.test(text)) return null;
    if (ASKS_WHO.test(word) && ctx.room !== 'private' && !ctx.mention && !r.mentionsBot) return { kind: 'ignore' };
    return { kind: 'act', command: { kind: 'duty' } };
  }
  if (ctx.role === 'volunteer' || ctx.role === 'stranger') return null;

  if (ctx.pendingSwap && !r.question) {
    if (SWAP_YES.has(word)) return { kind: 'act', command: { kind: 'swap_answer', yes: true } };
    if (SWAP_NO.has(word)) return { kind: 'act', command: { kind: 'swap_answer', yes: false } };
    // 不行 那天我也有事, 行 换吧, 好的 明天我替你: the answer first, then why.
    if (/^(?:不行|不同意|不可以|不好意思|换不了|没空|走不开|不换)/u.test(word)) return { kind: 'act', command: { kind: 'swap_answer', yes: false } };
    if (/^(?:同意|可以|行|好的?|ok|没问题|换吧|我同意)(?!.*(?:不行|不可以|走不开|没空))/iu.test(word) && !/意见|方案|说的|看法/u.test(word)) return { kind: 'act', command: { kind: 'swap_answer', yes: true } };
  }
  if (word === '同意换班' || word === '不同意换班') return { kind: 'act', command: { kind: 'swap_answer', yes: word === '同意换班' } };

  const reject = REJECT.exec(word);
  const approve = reject ? null : APPROVE.exec(word);
  if ((approve || reject) && !r.question && LEADS.has(ctx.role)) {
    const rest = (approve ?? reject)![1]!.replace(/请假$/u, '');
    const { who } = whoAndRest(rest, r.others, ctx);
    // 批了 单子我先盯着: approved something else, said to the room; leave is approved alone or for someone.
    // 批准，注意交接好手上的单子, 不批准 那几天人手不够: the decision, then why (批准的请假单: a topic).
    if (/^的/u.test(rest)) return null;
    if (!who && rest.trim() !== '' && !/请假/u.test(rest) && !/^(?:批准|不批准|驳回|准假|不准)/u.test(word)) return null;
    return { kind: 'act', command: { kind: 'approve', member: who, yes: !reject } };
  }

  // X6CU，刘网格请假了，改给吴网格: a message about a case says why it moves; it records no leave.
  // 周网格今天请假 转给陈网格 (on an alert), …他片区的单子陈网格帮忙看一下: the absence explains
  // where the work goes; it is told, not a leave to record.
  const aboutCase = r.ids.some((e) => e.how !== 'unknown') || /转给|交给|改派|转派|派给|帮忙看|代管|顶一下|顶上|的单子?|手上的/u.test(body);
  const leave = aboutCase ? null : LEAVE.exec(body);
  if (leave && !/(?:吗|么|嘛|能不能|可不可以|可以不|行不行)|[?？]/u.test(body)) {
    // 我明天请假, 帮李网格请假, 李网格明天请假, 请假 @李网格 明天, 请假 李网格 明天 (a lead).
    let before = leave[1]!.trim().replace(OPENING, '').replace(/^我\s*/u, '').replace(/(?:想|要)$/u, '').trim().replace(/^(?:帮|给|替)/u, '');
    let member: string | null = null;
    let written = '';
    if (before !== '') {
      const w = whoAndRest(before, [], ctx);
      if (w.who) {
        member = w.who;
        before = w.rest.trim();
      }
      if (before !== '') {
        if (DAYS.exec(before)?.[0] !== before) return null;
        written = before;
      }
    }
    if (!member && r.others.length > 0) member = whoAndRest('', r.others, ctx).who;
    let rest = leave[2]!;
    // 明天请假的同志记得交接, 下周请假的人多, 请假要提前说: 请假 as a topic, not asked for.
    if (TOPIC_AFTER.test(rest) || (RULE_AFTER.test(rest) && /假(?:要|得|需要|必须|一律|都要)/u.test(body))) return null;
    // 请假条交给社区了, 请假的事再说: 请假 as a word in a sentence, not the command.
    if (!written && rest !== '' && !/^[\s\p{P}\p{S}]/u.test(leave[0]!.slice(leave[0]!.indexOf('假') + 1)) && !DAYS.test(rest) && !whoAndRest(rest, [], ctx).who) return null;
    if (!member && !written && LEADS.has(ctx.role)) {
      const after = whoAndRest(rest, [], ctx);
      if (after.who) {
        member = after.who;
        rest = after.rest;
      }
    }
    const split = splitDays(rest);
    const days = written || split.days;
    const reason = written ? rest.trim().slice(0, 200) : split.reason;
    const example = member ? `请假 @${member} 明天` : leaveExample;
    if (!days) return { kind: 'refuse', reason: 'not_understood', example, hint: `请写明请假日期，例如：${example}` };
    return { kind: 'act', command: { kind: 'leave', member, days, reason } };
  }

  const swap = SWAP.exec(body.replace(OPENING, '').replace(/^我\s*(?:想|要)?/u, ''));
  if (swap && !r.question) {
    // 周三和李网格换班, 跟周网格换一下周三的班: the day and the colleague may come first.
    const glued = /(?:换(?:个|一下|下)?)(\p{Script=Han}{1,4})的[班版]/u.exec(body)?.[1] ?? '';
    let head = swap[1]!.trim().replace(/(?:跟|和|与)$/u, '');
    const dayLed = new RegExp(`^(${DAYS.source.slice(1)})(?:跟|和|与)`, 'u').exec(head);
    const dayFirst = dayLed?.[1] ?? '';
    if (dayLed) head = head.slice(dayLed[0].length);
    // 原则上不允许私下换班, 我不想换班: the swap talked about, not asked for.
    if (head !== '' && !whoAndRest(head, [], ctx).who && r.others.length === 0) return null;
    const partner = r.others.length > 0 ? whoAndRest('', r.others, ctx).who : head ? whoAndRest(head, [], ctx).who : null;
    let rest = swap[2]!;
    // 换班要提前说, 换班的事找王社区: the swap talked about.
    if (TOPIC_AFTER.test(rest) || (RULE_AFTER.test(rest) && /班(?:要|得|需要|必须|一律|都要)/u.test(body))) return null;
    let who = partner;
    if (!who) {
      const after = whoAndRest(rest, [], ctx);
      who = after.who;
      rest = after.rest;
    }
    if (!who) return { kind: 'refuse', reason: 'not_understood', example: swapExample, hint: `请 @ 要换班的同事并写明日期，例如：${swapExample}` };
    const days = splitDays(rest).days || dayFirst || splitDays(glued).days;
    if (!days) return { kind: 'refuse', reason: 'not_understood', example: swapExample, hint: `请写明换哪天，例如：换班 @${who} 明天` };
    return { kind: 'act', command: { kind: 'swap', with: who, days } };
  }
  return null;
}
