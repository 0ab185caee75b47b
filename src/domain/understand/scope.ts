/**
 * What a message says without asserting it ("Safety first"): a supposition (如果被骗了
 * 就报警), an outcome that nearly happened or is feared (差点上当, 以免被骗), a plan (等会过去,
 * 明天上门) or someone else's words and guesses (他说已经转了, 好像被骗了). Found by structure, a
 * marker and its scope, instead of listing every phrase: a supposition reaches the end of its
 * sentence, the others the end of their clause (差点上当，已拦下: only 上当 is unreal). A command
 * shown as the form to copy (比如 反馈 Q7RT 劝阻成功, 收到 X6CU 这种格式大家学一下) is an example,
 * from its marker to the end of the sentence, or from the sentence's start to a marker after it.
 */
import { NOT_REPORTING_SAY, SCOPE_MARKERS } from '../case-words.js';

/**
 * Why a span is not asserted. Suppositions, unreal outcomes and plans never change state;
 * reported or unsure words may, once the sender confirms.
 * @example const g: Governed = 'plan'
 */
export type Governed = 'suppose' | 'unreal' | 'plan' | 'reported' | 'example';

/**
 * A stretch of the message under a marker, the marker included.
 * @example const s: Span = { kind: 'plan', start: 5, end: 11 }
 */
export interface Span {
  kind: Governed;
  start: number;
  end: number;
}

const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(esc).join('|');

const MARKER: Record<Exclude<Governed, 'example'>, RegExp> = {
  // 主要是误报, 只要是, 需要是: not 要是.
  suppose: new RegExp(`(?<![主只需])(?:${alt(SCOPE_MARKERS.suppose)})`, 'gu'),
  // 不怕, 哪怕, 恐怕: 怕 only as fear of what follows.
  unreal: new RegExp(`(?<![不哪恐没未])(?:${alt(SCOPE_MARKERS.unreal)})`, 'gu'),
  plan: new RegExp(alt(SCOPE_MARKERS.plan), 'gu'),
  // 老人说, 家属说, 他说: 说 after a word that is no 劝说/再说/小说, and not 说明/说话/说了 (talked),
  // but 赵督导说了 X6CU 她来督办: a title's 说了 before a pause relays what follows;
  // 冯中心讲, 他讲 the same in the south (not 宣讲, 讲座, 讲讲, 给老人讲防骗).
  reported: new RegExp(`${alt(SCOPE_MARKERS.reported)}|(?<=督导|警官|社区|中心|所长|领导|书记|主任|网格)说了(?=[\\s,，:：])|(?<=\\p{Script=Han})(?<![${NOT_REPORTING_SAY}])说(?![明法话服了过完清不得好起笑一下说通错])|(?<=\\p{Script=Han})(?<![${NOT_REPORTING_SAY}演宣主开边会户])(?<!讲了)(?<![给跟和对向同为][^\\s\\p{P}]{0,12})讲(?![座课解话究清了过完讲一下防反诈刷网骗贷养])`, 'gu'),
};

/** Inside an unreal clause, the words that go on to what did happen: 已, 被我拦下, 但, 还好 (差点转 被我们拦下来了). */
const AVERTED_BY = /(?<=[\p{Script=Han}\s])(?:已经?|[被给](?=我|咱|民警|网格|社区|银行|家属|拦|劝)|但是?|可是|还好|幸好|好在|结果|最后|及时)/u;
/** The office's words for the outcome, after a finished clause (…拉黑了劝阻成功). */
const OWN_VERDICT = /(?<=了)(?:劝阻成功|成功劝阻|已劝阻|已成功劝阻)/u;
const SENTENCE_END = /[。!?;\n]/u;
const BOUNDARY = /[\s\p{P}\p{S}]/u;
/** Skipped right after a marker: separators and case ids (他说: 已经转了, 如果 Q7RT 还打不通). */
const LEADING = /^(?:[\s\p{P}\p{S}]|[A-Za-z0-9]+)*/u;

function clauseStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !BOUNDARY.test(text[i - 1]!)) i--;
  return i;
}

function sentenceEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !SENTENCE_END.test(text[i]!)) i++;
  return i;
}

function clauseEnd(text: string, from: number): number {
  let i = from + (LEADING.exec(text.slice(from))?.[0].length ?? 0);
  const start = i;
  while (i < text.length && !BOUNDARY.test(text[i]!)) i++;
  // 等会儿 督办 X6CU, 明天，上门: a marker that is its clause's only word governs the next clause.
  const words = text.slice(start, i).replace(/[^\p{Script=Han}]/gu, '').length;
  if (words <= 1 && i < text.length && !SENTENCE_END.test(text[i]!)) return clauseEnd(text, i);
  return i;
}

/**
 * Every span of `text` under a marker, in order of their start.
 * @example governedSpans('差点上当，已拦下') // [{ kind: 'unreal', start: 0, end: 4 }]
 */
export function governedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const kind of Object.keys(MARKER) as (keyof typeof MARKER)[]) {
    for (const m of text.matchAll(MARKER[kind])) {
      const start = m.index;
      // 一万一千, 两万一, 二十多万一分没动: 万一 inside a figure is a number, not "in case".
      if (m[0] === '万一' && /[\d零〇一二两三四五六七八九十百千多几来余]$/u.test(text.slice(0, start))) continue;
      const after = start + m[0].length;
      if (kind === 'suppose') {
        // 被骗了的话就报警, 劝不住的话 就报警: 的话 closes a supposition that began with its clause.
        // 如果B5NH到五点还没反馈。我就督办了: the consequence (就) in the next sentence is supposed too.
        let end = m[0] === '的话' ? clauseEnd(text, after) : sentenceEnd(text, after);
        if (m[0] !== '的话' && /^[。!?;\n]\s*(?:那|那么|那我|我|俺|咱)?\s*就/u.test(text.slice(end))) end = sentenceEnd(text, end + 1);
        spans.push(m[0] === '的话' ? { kind, start: clauseStart(text, start), end } : { kind, start, end });
      } else if (kind === 'unreal') {
        // 差点上当已拦下, 差点就转了被我们拦下来了: typed without a comma, what was averted ends
        // where the sentence starts saying what did happen.
        const end = clauseEnd(text, after);
        const restart = AVERTED_BY.exec(text.slice(after, end));
        spans.push({ kind, start, end: restart ? after + restart.index : end });
      } else if (kind === 'reported') {
        // 老人说那个是骗子已经拉黑了劝阻成功: the worker's own verdict, in the office's words, ends
        // what was relayed (nobody relays 劝阻成功; 家属说已经被骗了 stays relayed).
        const end = clauseEnd(text, after);
        const verdict = OWN_VERDICT.exec(text.slice(after, end));
        spans.push({ kind, start, end: verdict ? after + verdict.index : end });
      } else spans.push({ kind, start, end: clauseEnd(text, after) });
    }
  }
  for (const m of text.matchAll(EXAMPLE_BEFORE)) spans.push({ kind: 'example', start: m.index, end: sentenceEnd(text, m.index + m[0].length) });
  for (const m of text.matchAll(EXAMPLE_AFTER)) spans.push({ kind: 'example', start: sentenceStart(text, m.index), end: m.index + m[0].length });
  return spans.sort((a, b) => a.start - b.start);
}

// 格式化 is another word; 按格式反馈, 照模板报 follow the form instead of showing it.
// 不知道格式对不对：上门见到本人了，劝阻成功: the sender's own words asked about, not a form shown.
const EXAMPLE_BEFORE = new RegExp(`(?<![按照用依])(?:${alt(SCOPE_MARKERS.example)})(?![化])(?!\\s*(?:对不对|对吗|对不|行不行|行吗|可以吗|正确吗|规范吗))`, 'gu');
const EXAMPLE_AFTER = new RegExp(alt(SCOPE_MARKERS.exampleAfter), 'gu');

function sentenceStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !SENTENCE_END.test(text[i - 1]!)) i--;
  return i;
}

/**
 * `text` with the spans of the given kinds blanked (positions kept, in UTF-16 units), case ids
 * left readable.
 * @example blankSpans('如果 Q7RT 被骗了', governedSpans('如果 Q7RT 被骗了'), ['suppose']) // '   Q7RT    '
 */
export function blankSpans(text: string, spans: readonly Span[], kinds: readonly Governed[]): string {
  const units = text.split('');
  for (const s of spans) {
    if (!kinds.includes(s.kind)) continue;
    for (let i = s.start; i < s.end; i++) if (!/[A-Za-z0-9]/.test(units[i]!)) units[i] = ' ';
  }
  return units.join('');
}
