/**
 * Outreach logs (宣传台账): one chat line → a typed log or a typed refusal. Pure,
 * never throws.
 *
 * `宣传 <地点> <形式> <N>人 [装APP <N>] [对象 <群体>] [备注…]`, fields in any order. A message
 * counts only when it starts with a keyword (宣传, 宣传登记, 反诈宣传, 宣传台账) once the quote
 * and @mentions are gone. Keyword then a space or punctuation: it is a log, and whatever is
 * missing is asked for. Keyword glued to more text (`宣传效果很好`): it is a log only when it
 * carries a head count (`宣传幸福里社区摆摊80人`), otherwise it is chatter.
 *
 * Reading order: the note (`备注` to the end of its line), then forms, installs, leaflets, staff
 * and other counts (`志愿者5人`, `12户`: kept in the note, never the audience), the head count;
 * each found field is cut out. The first run of remaining words is the place, other words
 * are targets or go to the note.
 */
import { parseAmount } from './amount.js';
import { ASIDES, CN_DIGITS, FILLER, FORM_OF, FORMS, INSTALLS, KEYWORD, LEADING_FILLER, LEAFLETS, PEOPLE, TARGET_OF, TARGET_SYNONYMS, TRAILING_FILLER, VAGUE_PEOPLE } from './outreach-words.js';
import { isDigit, normalizeText, PUNCTUATION, splitQuote, stripMentions } from './text.js';
import { OUTREACH_EXAMPLE, type OutreachForm, type OutreachLog, type OutreachParsed, type TargetGroup } from './outreach-log.js';

export { describeOutreach, FORM_ZH, OUTREACH_EXAMPLE, TARGET_ZH, type OutreachForm, type OutreachLog, type OutreachParsed, type TargetGroup } from './outreach-log.js';

/**
 * Limits past which a number is questioned, not stored. One offline event rarely reaches more
 * than a few thousand people; a short video or live stream can reach far more. Installs are
 * one per person, with room for family phones set up on the spot.
 */
const LIMITS = { people: 5000, videoPeople: 100_000, installs: 5000, installsPerPerson: 2, leaflets: 20_000 };
const MAX_LENGTH = 2000;


// ---- helpers ----


/** Punctuation → spaces; decimal points and times (1.5万, 9:30) and a leading minus stay. */
function blankPunctuation(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if ((ch === '.' || ch === ':') && isDigit(s[i - 1]) && isDigit(s[i + 1])) out += ch;
    else if (ch === '-' && isDigit(s[i + 1]) && !isDigit(s[i - 1])) out += ch;
    else out += PUNCTUATION.has(ch) ? ' ' : ch;
  }
  return out;
}

/** The number in a phrase: digits or Chinese numerals, possibly negative; null if unreadable. */
function readNumber(raw: string): number | null {
  const negative = raw.startsWith('-');
  const value = parseAmount(negative ? raw.slice(1) : raw);
  if (value === null) return null;
  return negative ? 0 - value : value;
}

/**
 * What a cut phrase leaves for the word reader: note text (志愿者5人, 12户) and targets named in
 * it (学生300人). It stands in the text as one private-use character, its index, on a line of
 * its own: no digits for later patterns to find, and never part of the place.
 */
interface Piece {
  note: string | null;
  targets: TargetGroup[];
}
const PIECE_BASE = 0xe000;
const MAX_PIECES = 256;
const pieceAt = (word: string, pieces: Piece[]) => {
  const i = word.length === 1 ? word.charCodeAt(0) - PIECE_BASE : -1;
  return i >= 0 && i < MAX_PIECES ? (pieces[i] ?? null) : null;
};

/**
 * Replaces every match of `pattern` in `s` as `take` decides: cut (it also ends the place), set
 * aside for the note, or kept as text.
 */
function cut(s: string, pattern: RegExp, pieces: Piece[], take: (match: string, value: number | null) => 'cut' | 'aside' | 'keep'): string {
  const out = s.replace(pattern, (match: string, ...args: unknown[]) => {
    const raw = args.slice(0, -2).find((g): g is string => typeof g === 'string');
    const decision = take(match.trim(), raw === undefined ? null : readNumber(raw));
    if (decision === 'keep') return match;
    const piece: Piece = { note: decision === 'aside' ? match.replace(/\s+/g, '') : null, targets: targetsIn(match) };
    if ((piece.note === null && piece.targets.length === 0) || pieces.length >= MAX_PIECES) return '\n';
    pieces.push(piece);
    return `\n${String.fromCharCode(PIECE_BASE + pieces.length - 1)}\n`;
  });
  // One separator between words keeps the patterns' optional spaces (\s?) linear.
  return out.replace(/\s*\n\s*/g, '\n');
}

const stripFiller = (word: string) => {
  for (let prev = ''; prev !== word; ) {
    prev = word;
    word = word.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
  }
  return word;
};

/** Every target group named inside a word, in order (中老年人 once, not also 老人). */
function targetsIn(word: string): TargetGroup[] {
  const found: TargetGroup[] = [];
  for (let i = 0; i < word.length; ) {
    const syn = TARGET_SYNONYMS.find((w) => word.startsWith(w, i));
    if (syn) found.push(TARGET_OF.get(syn)!);
    i += syn ? syn.length : 1;
  }
  return found;
}

const joinWords = (words: string[]) => words.reduce((a, w) => (a && /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(w) ? `${a} ${w}` : a + w), '');
const isTime = (w: string) =>
  /^(?:\d{2,4}年)?\d{1,2}月|^\d{1,2}[日号]$|^\d{1,2}(?:[:.]\d{1,2}|点)|^(?:上午|下午|中午|晚上|早上|傍晚|全天|周[一二三四五六日天]|星期[一二三四五六日天])/.test(w);
const isBareNumber = (w: string) => new RegExp(`^-?(?:\\d+|[${CN_DIGITS}]+)$`).test(w);

interface Words {
  place: string;
  targets: TargetGroup[];
  extras: string[];
  otherForm: string | null;
  bareNumbers: string[];
}

/** Reads what is left once the number phrases and forms are cut out: place, targets, note words. */
function readWords(rest: string, pieces: Piece[]): Words {
  const targets: TargetGroup[] = [];
  const extras: string[] = [];
  const bareNumbers: string[] = [];
  let otherForm: string | null = null;
  let firstRun: string[] = [];
  let runClosed = false;
  let placeLabelled = false;
  const addTargets = (ts: TargetGroup[]) => ts.forEach((t) => targets.includes(t) || targets.push(t));
  const close = () => {
    if (firstRun.length > 0) runClosed = true;
  };
  for (const chunk of rest.split('\n')) {
    let mode: 'free' | 'target' | 'target-more' | 'form' | 'time' = 'free';
    close();
    for (let word of chunk.split(' ')) {
      const piece = pieceAt(word, pieces);
      if (piece) {
        addTargets(piece.targets);
        if (piece.note !== null) extras.push(piece.note);
        close();
        continue;
      }
      if (!/[\p{L}\p{N}]/u.test(word)) continue;
      const label = /^(?:活动地点|宣传地点|地点|地址|场所|位置|(宣传对象|对象|面向|针对)|(活动形式|形式)|(活动时间|时间|日期))(.*)$/.exec(word);
      if (label) {
        close();
        mode = label[1] ? 'target' : label[2] ? 'form' : label[3] ? 'time' : 'free';
        if (mode === 'free' && !placeLabelled) {
          // 地点：… names the place wherever it stands; free words before it go to the note.
          if (firstRun.length > 0) extras.push(joinWords(firstRun));
          firstRun = [];
          runClosed = false;
          placeLabelled = true;
        }
        word = label[4]!;
        if (!word) continue;
      }
      if (mode === 'target' || mode === 'target-more') {
        // The first word after 对象 is a target even when unknown (其他); later ones if known.
        const ts = targetsIn(word);
        if (ts.length > 0 || mode === 'target') {
          addTargets(ts.length > 0 ? ts : ['other']);
          mode = 'target-more';
          continue;
        }
        mode = 'free';
      }
      if (mode === 'form' || mode === 'time') {
        if (mode === 'form') otherForm = word;
        extras.push(word);
        mode = 'free';
        continue;
      }
      if (/app/i.test(word)) {
        close(); // 装APP without a number
        continue;
      }
      if (isBareNumber(word)) {
        bareNumbers.push(word);
        close();
        continue;
      }
      if (isTime(word)) {
        extras.push(word);
        close();
        continue;
      }
      word = stripFiller(word);
      if (FILLER.has(word)) {
        close();
        continue;
      }
      const whole = word.split(/和|及|与|跟/).map((w) => TARGET_OF.get(w));
      if (whole.every((t) => t !== undefined)) {
        addTargets(whole);
        close();
        continue;
      }
      if (runClosed) {
        addTargets(targetsIn(word));
        extras.push(word);
        continue;
      }
      // 团结湖小学学生: the place, then who was there.
      const suffix = TARGET_SYNONYMS.find((w) => word.endsWith(w) && word.length - w.length >= 2);
      if (suffix) {
        firstRun.push(word.slice(0, -suffix.length));
        addTargets([TARGET_OF.get(suffix)!]);
        close();
      } else firstRun.push(word);
    }
  }
  return { place: joinWords(firstRun), targets, extras, otherForm, bareNumbers };
}

// ---- plausibility ----

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

function implausible(log: OutreachLog): string | null {
  const { people, installs, leaflets } = log;
  const peopleLimit = log.form === 'video' ? LIMITS.videoPeople : LIMITS.people;
  if (people < 0) return `人数不能是负数（${people}人），请核对后重发`;
  if (!Number.isInteger(people)) return `人数${people}不是整数，请核对后重发`;
  if (people > peopleLimit) return `一次活动覆盖${people}人？请核对后重发`;
  if (installs < 0) return `装APP数量不能是负数（${installs}），请核对后重发`;
  if (!isCount(installs)) return `装APP数量${installs}不是整数，请核对后重发`;
  if (installs > LIMITS.installs) return `一次活动装APP ${installs}个？请核对后重发`;
  if (leaflets < 0) return `传单数量不能是负数（${leaflets}），请核对后重发`;
  if (!isCount(leaflets)) return `传单数量${leaflets}不是整数，请核对后重发`;
  if (leaflets > LIMITS.leaflets) return `一次活动发放传单${leaflets}份？请核对后重发`;
  return null;
}

// ---- parsing ----

/**
 * Parses an outreach log from a chat message (raw: quote and @mentions allowed). Never throws.
 * Numbers: the first head count is the audience (later ones go to the note, 其中老年人50人);
 * the first install count; leaflet counts add up (传单200份 宣传册50本 = 250). Refusals:
 * `implausible` (over 5000 people, or 100000 for 短视频/直播; zero people; negative or fractional
 * counts; over 5000 installs or more than twice the people; over 20000 leaflets), then
 * `missing_people`, then `missing_place`.
 * @example parseOutreach('宣传 幸福里社区 摆摊 80人 装APP 25 对象 老年人')
 *   // { ok: true, log: { place: '幸福里社区', form: 'stall', people: 80, installs: 25, leaflets: 0, targets: ['elderly'], note: null } }
 * @example parseOutreach('今天宣传效果很好') // { ok: false, reason: 'not_outreach' }
 */
export function parseOutreach(text: string): OutreachParsed {
  // Line by line: stripMentions folds line breaks, and a line ends a note or a labelled field.
  const lines = normalizeText(splitQuote(text.slice(0, MAX_LENGTH)).reply).split('\n');
  const body = lines.map((line) => stripMentions(line).text).join('\n').trim();
  const keyword = KEYWORD.exec(body);
  if (!keyword) return { ok: false, reason: 'not_outreach' };
  let rest = body.slice(keyword[0].length);
  const glued = rest !== '' && !/^[\s\p{P}\p{S}]/u.test(rest);

  const notes: string[] = [];
  const pieces: Piece[] = [];
  rest = rest.replace(/备注\s*[:：]?([^\n]*)/g, (_, note: string) => {
    const clean = note.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
    if (clean) notes.push(clean);
    return '\n';
  });
  rest = blankPunctuation(rest).replace(/ +/g, ' ').replace(/\s*\n\s*/g, '\n');

  let form: OutreachForm | null = null;
  rest = cut(rest, FORMS, pieces, (m) => {
    const f = FORM_OF.get(m) ?? null;
    if (form === null) form = f;
    return f === form ? 'cut' : 'aside';
  });
  let installs: number | null = null;
  rest = cut(rest, INSTALLS, pieces, (_, v) => {
    if (v === null) return 'keep';
    installs ??= v;
    return 'cut';
  });
  let leaflets = 0;
  rest = cut(rest, LEAFLETS, pieces, (_, v) => {
    if (v === null) return 'keep';
    leaflets += v;
    return 'cut';
  });
  rest = cut(rest, ASIDES, pieces, () => 'aside');
  let people: number | null = null;
  rest = cut(rest, PEOPLE, pieces, (m, v) => {
    if (v === null) return 'keep';
    // 老人20名 护工8名 共28人: a stated total replaces the first count.
    if (people !== null && /^(?:共计|共|合计|总共|一共|累计|总计)/.test(m)) {
      people = v;
      return 'cut';
    }
    if (people !== null) return 'aside';
    people = v;
    return 'cut';
  });
  const vague = VAGUE_PEOPLE.test(rest);

  if (glued && people === null) return { ok: false, reason: 'not_outreach' };
  const words = readWords(rest, pieces);
  if (form === null && words.otherForm !== null) form = 'other';
  const noteParts = [...notes, ...words.extras];
  const log: OutreachLog = {
    place: words.place,
    form,
    people: people ?? 0,
    installs: installs ?? 0,
    leaflets,
    targets: words.targets,
    note: noteParts.length > 0 ? noteParts.join(' ') : null,
  };

  const refuse = (reason: 'missing_people' | 'missing_place' | 'implausible', hint: string): OutreachParsed => ({ ok: false, reason, hint, example: OUTREACH_EXAMPLE });
  const odd = implausible(log);
  if (odd) return refuse('implausible', odd);
  if (people === null) {
    if (vague) return refuse('missing_people', '人数请写具体数字，如“80人”');
    const bare = words.bareNumbers[0];
    if (bare !== undefined) return { ...refuse('missing_people', `缺少覆盖人数：“${bare}”是人数吗？请写成“${bare}人”`), ...(words.bareNumbers.length === 1 ? { bare } : {}) };
    return refuse('missing_people', log.place ? '缺少覆盖人数' : '缺少活动地点和覆盖人数');
  }
  if (log.people === 0) return refuse('implausible', '覆盖0人？请填写实际人数后重发');
  if (log.installs > log.people * LIMITS.installsPerPerson) {
    return refuse('implausible', `装APP ${log.installs}个，超过覆盖人数${log.people}人的两倍？请核对后重发`);
  }
  if (!log.place) return refuse('missing_place', '缺少活动地点');
  return { ok: true, log };
}
