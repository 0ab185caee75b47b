/**
 * 转派 as leads write it: a reassign cue (转派/改派/转给/交给/换, 让…去, 由…负责,
 * →, 归你), a member (an @mention or a roster name) and a case id, in any order. With the roster
 * in the context the member is looked up there (老周 → 周网格 when only one name starts with 周,
 * 吴网各 → 吴网格), and of several names the one the cue points at wins (刘网格请假了 改给吴网格);
 * a name whose cue is negated (不给刘网格了, 别让李网格去) never does.
 */
import { FREE_FORM } from '../free-form-words.js';
import type { UnderstandContext } from './types.js';

type Members = NonNullable<UnderstandContext['members']>;

/** Who can take a case: not volunteers, not the operator's desk. */
const TAKES_CASES = new Set(['worker', 'lead', 'supervisor']);
const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const NICK = new RegExp(`^(?:${alt(FREE_FORM.nicknames)})?([\\p{Script=Han}])(?:${alt(FREE_FORM.nicknames)})?$`, 'u');
const BEFORE = new RegExp(`(${alt(FREE_FORM.reassignNot)})?(?:${alt(FREE_FORM.reassignBefore)})$`, 'u');
/** 去/负责/顶 right after the name, adverbs allowed, and not 去过了 / 处理好了 / 去了 (news, not an order). */
const AFTER = new RegExp(`^(?:先|马上|赶紧|尽快|立即|这单|这个|你)*(?:${alt(FREE_FORM.reassignAfter)})(?![过好完了得])`, 'u');
const TO_YOU = new RegExp(alt(FREE_FORM.reassignToYou), 'u');
const NOT = new RegExp(`(?:${alt(FREE_FORM.reassignNot)})(?:再|要)?(?:${alt(FREE_FORM.reassignBefore.filter((w) => w.length > 1 || /[转派给归让叫换]/u.test(w)))})`, 'u');
/** 给周网格打个电话, 给老周发一下地址: 给 a member, then another verb, is doing something for them. */
const FOR_THEM = new RegExp(`^(?:${alt(FREE_FORM.forThemVerbs)})`, 'u');
const forThem = (before: RegExpExecArray | null, after: string) => before !== null && /给$/u.test(before[0]) && FOR_THEM.test(after);

/** A nickname in running text: 老周, 小李, 周哥, 李姐. */
const NICK_IN_TEXT = /(?:老|小)\p{Script=Han}|\p{Script=Han}(?:哥|姐|师傅)/gu;
/** Words holding a one-character cue that is not one: 派出所, 转账, 钱转了, 交代, 换班. */
const NOT_CUES = /派出所|派(?:个|一个|两个|几个|人|民警|警力|车)|[打发说寄送递写推]给|转账|转钱|钱(?:已经|都|也)?转|转出|转走|转了|交代|交流|交警|交通|换班|换人值班/gu;
const ANY_CUE = new RegExp(alt(FREE_FORM.reassignBefore.filter((w) => w !== '让' && w !== '叫' && w !== '由')), 'u');

/** 这单你接一下, 你把 K7Q2 接过去: said to the member, and the message ends there (not 你去的时候带上…). */
function toYou(body: string): boolean {
  const m = TO_YOU.exec(body);
  if (!m) return false;
  // 晚上食堂给你加个鸡腿, 给你带份饭: something done for the member, not the case given.
  if (/给你$/u.test(m[0]) && /^\s*(?:加|买|带|发|留|送|点|打|做|煮|倒|泡|记|报销|捎|拿|寄|请|放)/u.test(body.slice(m.index + m[0].length))) return false;
  const tail = body.slice(m.index + m[0].length).replace(/[A-Za-z0-9]{4,6}|\s|[了吧啊哈呀一下个]/gu, '');
  return [...tail].length <= 3;
}

/**
 * True when the roster member can be handed a case (a worker, a lead or a supervisor; not a
 * volunteer or the operator's desk).
 * @example takesCases('孙志愿', [{ name: '孙志愿', role: 'volunteer' }]) // false
 */
export function takesCases(name: string, members: Members): boolean {
  return members.some((m) => m.name === name && TAKES_CASES.has(m.role));
}

/**
 * The roster name a word means: the name itself, a name inside it (周网格吧), or a nickname on a
 * surname that only one member who takes cases has (老周, 小李, 周哥, 周网格员).
 * @example resolveMember('老周', [{ name: '周网格', role: 'worker' }]) // '周网格'
 */
export function resolveMember(word: string, members: Members): string | null {
  const w = word.trim();
  if (w === '') return null;
  const exact = members.find((m) => m.name === w);
  if (exact) return exact.name;
  const inside = [...members].sort((a, b) => b.name.length - a.name.length).find((m) => w.includes(m.name));
  if (inside) return inside.name;
  const surname = NICK.exec(w)?.[1];
  if (!surname || surname === w) return null;
  const same = members.filter((m) => TAKES_CASES.has(m.role) && m.name.startsWith(surname));
  return same.length === 1 ? same[0]!.name : null;
}

/**
 * The roster name an @mention means for certain: WeChat writes the member's display name, so the
 * name itself or a name inside it (@周网格-幸福里); a nickname (@小王) is at most a guess.
 * @example resolveMention('小王', [{ name: '王社区', role: 'lead' }]) // null
 */
export function resolveMention(word: string, members: Members): string | null {
  const w = word.trim();
  if (w === '') return null;
  return [...members].sort((a, b) => b.name.length - a.name.length).find((m) => w.includes(m.name))?.name ?? null;
}

/** Every place a roster name is written, a one-character slip after the surname allowed (吴网各). */
function namesIn(text: string, members: Members): { name: string; index: number; end: number }[] {
  const out: { name: string; index: number; end: number }[] = [];
  for (const m of members) {
    const n = [...m.name];
    for (let i = 0; i + m.name.length <= text.length; i++) {
      const w = [...text.slice(i, i + m.name.length)];
      if (w[0] !== n[0]) continue;
      const diff = w.filter((ch, k) => ch !== n[k]).length;
      if (diff === 0 || (diff === 1 && n.length >= 3 && /^\p{Script=Han}+$/u.test(w.join('')))) out.push({ name: m.name, index: i, end: i + m.name.length });
    }
  }
  // An exact name over a slip on the same spot.
  return out.filter((a) => !out.some((b) => b !== a && b.index === a.index && text.startsWith(b.name, b.index) && !text.startsWith(a.name, a.index)));
}

/**
 * A roster name written anywhere in the text (the longest first), or null.
 * @example memberIn('X6CU 让周网格去一趟', members) // '周网格'
 */
export function memberIn(text: string, members: Members): { name: string; index: number } | null {
  const found = namesIn(text, members).sort((a, b) => b.name.length - a.name.length || a.index - b.index)[0];
  return found ? { name: found.name, index: found.index } : null;
}

/** After 让/叫 + a member: being pushed (盯紧点, 抓紧反馈, 快点, 回个电话), not handed the case. */
const PUSHED = /^(?:再)?(?:盯紧|盯着|盯一下|盯住|抓紧|抓点紧|快点|快些|加快|赶紧(?!去|过去|上门|接|跟|处理|负责)|注意|小心|回(?:个|一下)?(?:电话|消息|话)|上点心|上心|尽快反馈|反馈|报一下|回复|别拖|不要拖|催)/u;

/** After 让/叫 + a member, one task of its own (打给他儿子, 明天上午再回访一次, 帮老人装个APP), not the case. */
const TASK = /^(?:直接|先|再|明天|今天|下午|上午|晚上|明天上午|明天下午|顺便|抽空|有空)*(?:打给|打个电话|打电话|回访|装|帮|问问|问一下|通知|提醒|拍|发|写|送|带|记|登记|核实一下|做个|准备|补|上传|整理|(?:也|一起|一块)(?:来|过来|参加))/u;

/** Said of a member right after the name: away, so not the one a case goes to. */
export const AWAY = /^(?:今天|明天|这两天|现在|下午|上午)?(?:请假|休假|不在|休息|生病|病了|出差|有事|没空|忙不过来|在医院|住院|在培训|培训|在外地|去开会)/u;

/**
 * Whom a message hands a case to: the member a cue points at (the last such), an @mention when a
 * cue stands anywhere, or null. `unknown` is an @mention not on the roster; `guessed` an @mention
 * read as a nickname of one member (@老周), which the caller asks about first.
 * @example pickTarget('C7NX 刘网格请假了 改给吴网格', [], members) // { name: '吴网格' }
 */
export function pickTarget(body: string, mentions: string[], members: Members, handedTo?: string): { name: string; unknown?: true; guessed?: true } | null {
  // 把N2XE转给@吴网格 小陈手上单子太多了: the mention the hand-over word points at wins.
  const pointed = handedTo !== undefined ? resolveMention(handedTo, members) : null;
  if (pointed) return { name: pointed };
  let best: { name: string; score: number; index: number } | null = null;
  for (const n of namesIn(body, members)) {
    const before = BEFORE.exec(body.slice(Math.max(0, n.index - 6), n.index).replace(/\s+/gu, ''));
    if (before?.[1]) continue; // 不给刘网格了
    // 我打给老周问问: a call made to the member, not the case handed over.
    // Y2MC 推给李网格了: pushed to the member by the bot, told.
    if (/[打发说寄送递写问推]给\s*$/u.test(body.slice(Math.max(0, n.index - 4), n.index))) continue;
    const after = body.slice(n.end).replace(/^\s+/u, '');
    // 李网格今天请假: the one away is the reason for the hand-over, never its target.
    if (forThem(before, after) || AWAY.test(after)) continue;
    // 给周网格点个赞: praise for the member, nothing handed over.
    if (/^(?:点个?赞|点赞|鼓个?掌|加油|竖个?大拇指|记一功|发个红包)/u.test(after)) continue;
    // 让李网格盯紧点, 叫小周抓紧反馈: pushing the member, not handing them the case.
    // S8VD是周网格接的, 吴网格去的, 现在是吴网格负责: who did or does it, told.
    if (/^(?:接|去|跟|负责|处理|办|上门)的/u.test(after) || (/是\s*$/u.test(body.slice(Math.max(0, n.index - 2), n.index)) && /^(?:接|去|跟|负责|处理|办|在跟|在管)/u.test(after))) continue;
    // 我让刘网格直接打给他儿子了, 让李网格明天上午再回访一次: asked to do one thing, not handed the case.
    if (before && /^[让叫请]$/u.test(before[0]) && TASK.test(after)) continue;
    // 以后那片都归李网格: an area given to the member from now on, not this case.
    if (before && /^归$/u.test(before[0]) && /以后|今后|往后|那片|片区|这片/u.test(body.slice(0, n.index))) continue;
    // 周例会上让吴网格讲讲: asked to speak or write, not to take the case.
    if (before && /^[让叫请]$/u.test(before[0]) && (PUSHED.test(after) || /^(?:讲|说|分享|介绍|汇报|总结|发言|聊|谈|写|准备)/u.test(after))) continue;
    const score = before ? 2 : AFTER.test(after) || toYou(after) ? 1 : 0;
    if (score > 0 && (!best || score >= best.score)) best = { name: n.name, score, index: n.index };
  }
  // 这单给老周吧, 让小李去: a nickname the cue points at, when it fits one member who takes cases.
  for (const n of body.matchAll(NICK_IN_TEXT)) {
    const name = resolveMember(n[0], members);
    const before = BEFORE.exec(body.slice(Math.max(0, n.index - 6), n.index).replace(/\s+/gu, ''));
    if (best || !name || !before || before[1] || forThem(before, body.slice(n.index + n[0].length).replace(/^\s+/u, '')) || /[打发说寄送递写问]给\s*$/u.test(body.slice(Math.max(0, n.index - 4), n.index))) continue;
    best = { name, score: 2, index: n.index };
  }
  if (best) return { name: best.name };
  // P7NC 刘网格离得最近 让他去: 他 after a cue, and one member named.
  const named0 = namesIn(body, members);
  // K7Q2 李网格离得近 转他: 转 him, the one member named.
  if ((/(?<!不|别)(?:让|叫|由|给)(?:他|她)(?:去|来|负责|跟进|处理|接)(?!\p{Script=Han}{0,8}了\s*$)/u.test(body) || /(?<!不|别)转(?:给)?(?:他|她)(?:吧|了)?\s*$/u.test(body)) && new Set(named0.map((n) => n.name)).size === 1) return { name: named0[0]!.name };
  // 派出所在跟, 老人把钱转了: a one-character cue inside another word is no hand-over.
  const cue = ANY_CUE.test(body.replace(NOT_CUES, '')) && !NOT.test(body.replace(/\s+/gu, ''));
  const named = namesIn(body, members);
  if ((cue || toYou(body)) && mentions.length > 0) {
    const m = resolveMention(mentions[0]!, members);
    if (m) return { name: m };
    // @老周: a nickname on the surname of one member who takes cases is a guess, asked first.
    const guess = resolveMember(mentions[0]!, members);
    return guess ? { name: guess, guessed: true } : { name: mentions[0]!, unknown: true };
  }
  // 吴网格 你把 K7Q2 接过去: one name, said to.
  if (named.length === 1 && toYou(body)) return { name: named[0]!.name };
  return null;
}
