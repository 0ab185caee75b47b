/**
 * 转派 as leads write it (issue 13): a reassign verb (转派/改派/转给/交给/换人, 让…去, 由…负责),
 * a member (an @mention or a roster name) and a case id, in any order. With the roster in the
 * context, the member is looked up there (老周 → 周网格 when only one name starts with 周) and an
 * unknown name is refused here, before anything changes.
 */
import { FREE_FORM } from '../case-words.js';
import type { UnderstandContext } from './types.js';

type Members = NonNullable<UnderstandContext['members']>;

/** Who can take a case: not volunteers, not the operator's desk. */
const TAKES_CASES = new Set(['worker', 'lead', 'supervisor']);

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
  const nick = new RegExp(`^(?:${FREE_FORM.nicknames.join('|')})?([\\p{Script=Han}])(?:${FREE_FORM.nicknames.join('|')})?$`, 'u').exec(w);
  const surname = nick?.[1];
  if (!surname || surname === w) return null;
  const same = members.filter((m) => TAKES_CASES.has(m.role) && m.name.startsWith(surname));
  return same.length === 1 ? same[0]!.name : null;
}

/**
 * A roster name written anywhere in the text (the longest first), or null.
 * @example memberIn('X6CU 让周网格去一趟', members) // '周网格'
 */
export function memberIn(text: string, members: Members): { name: string; index: number } | null {
  let best: { name: string; index: number } | null = null;
  for (const m of members) {
    const index = text.indexOf(m.name);
    if (index >= 0 && (!best || m.name.length > best.name.length || (m.name.length === best.name.length && index < best.index))) best = { name: m.name, index };
  }
  return best;
}

const VERB = new RegExp(FREE_FORM.reassignVerbs.filter((v) => v !== '给').join('|'), 'u');
const BEFORE = new RegExp(`(?:${FREE_FORM.delegateBefore.join('|')})$`, 'u');
/** 去/负责/跟进 right after the name, and not 去过了 / 处理好了 / 去了 (news, not an order). */
const AFTER = new RegExp(`^(?:${FREE_FORM.delegateAfter.join('|')})(?![过好完了])`, 'u');

/**
 * A lead handing a case to a roster member without the 转派 keyword: 让周网格去一趟, 由吴网格负责,
 * 周网格跟进一下, 改派吴网格. Null when the text names no roster member in that shape.
 * @example delegation('K7Q2 让周网格去一趟', members) // '周网格'
 */
export function delegation(text: string, members: Members): string | null {
  const found = memberIn(text, members);
  if (!found) return null;
  const before = text.slice(Math.max(0, found.index - 3), found.index).replace(/\s+/gu, '');
  const after = text.slice(found.index + found.name.length).replace(/^\s+/u, '');
  if (BEFORE.test(before) || /给$/u.test(before) || AFTER.test(after) || VERB.test(text)) return found.name;
  return null;
}
