/**
 * Outreach logs (宣传台账, issue 8): one chat line → a typed log or a typed refusal. Pure,
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
import { normalizeText, splitQuote, stripMentions } from './text.js';

/**
 * How the outreach was done.
 * @example const f: OutreachForm = 'stall' // 摆摊
 */
export type OutreachForm = 'campus' | 'community' | 'village' | 'household' | 'enterprise' | 'stall' | 'lecture' | 'training' | 'video' | 'other';

/**
 * Who it was aimed at.
 * @example const t: TargetGroup = 'elderly' // 老年人
 */
export type TargetGroup = 'elderly' | 'students' | 'finance_staff' | 'migrants' | 'hearing_impaired' | 'employees' | 'women' | 'other';

/**
 * Display names of the forms, for confirmations and reports.
 * @example FORM_ZH.stall // '摆摊'
 */
export const FORM_ZH: Record<OutreachForm, string> = {
  campus: '进校园', community: '进社区', village: '进农村', household: '进家庭', enterprise: '进企业',
  stall: '摆摊', lecture: '讲座', training: '培训', video: '短视频/直播', other: '其他形式',
};

/**
 * Display names of the target groups.
 * @example TARGET_ZH.elderly // '老年人'
 */
export const TARGET_ZH: Record<TargetGroup, string> = {
  elderly: '老年人', students: '学生', finance_staff: '财会人员', migrants: '新市民', hearing_impaired: '听障人士',
  employees: '企业员工', women: '妇女', other: '其他群体',
};

/**
 * One outreach event as understood. Counts not mentioned are 0; `form` null when not said.
 * @example const log: OutreachLog = { place: '幸福里社区', form: 'stall', people: 80, installs: 25, leaflets: 0, targets: ['elderly'], note: null }
 */
export interface OutreachLog {
  place: string;
  form: OutreachForm | null;
  people: number;
  installs: number;
  leaflets: number;
  targets: TargetGroup[];
  note: string | null;
}

/**
 * The outcome of parsing. `not_outreach`: not a log, the bot stays silent. Other refusals
 * carry a short Chinese hint (no final full stop) and the example the bot shows.
 * @example const p: OutreachParsed = { ok: false, reason: 'missing_people', hint: '缺少覆盖人数', example: OUTREACH_EXAMPLE }
 */
export type OutreachParsed =
  | { ok: true; log: OutreachLog }
  | { ok: false; reason: 'not_outreach' }
  | { ok: false; reason: 'missing_people' | 'missing_place' | 'implausible'; hint: string; example: string };

/**
 * The example every refusal and the daily reminder show.
 * @example parseOutreach(OUTREACH_EXAMPLE).ok // true
 */
export const OUTREACH_EXAMPLE = '宣传 幸福里社区 摆摊 80人 装APP 25 对象 老年人';

/**
 * Limits past which a number is questioned, not stored. One offline event rarely reaches more
 * than a few thousand people; a short video or live stream can reach far more. Installs are
 * one per person, with room for family phones set up on the spot.
 */
const LIMITS = { people: 5000, videoPeople: 100_000, installs: 5000, installsPerPerson: 2, leaflets: 20_000 };
const MAX_LENGTH = 2000;

// ---- vocabulary ----

const FORM_WORDS: Record<OutreachForm, readonly string[]> = {
  campus: ['进校园', '进学校', '进课堂', '进高校', '进幼儿园', '校园宣传'],
  community: ['进社区', '进小区', '进楼栋'],
  village: ['进农村', '进乡村', '进村入户', '进村', '下乡'],
  household: ['进家庭', '入户走访', '上门走访', '入户', '上门', '走访', '进家门', '敲门'],
  enterprise: ['进企业', '进公司', '进工厂', '进厂', '进园区', '进单位', '进工地', '进机关'],
  stall: ['摆摊', '摆台', '设摊', '摆点', '设点', '宣传摊位', '摊位', '咨询台'],
  lecture: ['讲座', '宣讲会', '宣讲', '讲课', '讲堂', '专题课', '反诈课'],
  training: ['培训会', '培训'],
  video: ['短视频', '网络直播', '直播', '视频号', '抖音', '快手'],
  other: ['文艺汇演', '汇演', '文艺演出', '演出', '快闪', '知识竞赛', '有奖问答', '情景剧', '小品', '游园', '进商户', '进商场', '进市场', '进银行', '进医院', '进网点', '进楼宇'],
};
const TARGET_WORDS: Record<TargetGroup, readonly string[]> = {
  elderly: ['老年人', '中老年人', '老年群体', '老年朋友', '老人', '空巢老人', '独居老人', '退休人员', '退休老人', '老同志', '长者', '银发族'],
  students: ['学生', '大学生', '中学生', '小学生', '中小学生', '在校学生', '高校学生', '师生'],
  finance_staff: ['财会人员', '财务人员', '会计', '出纳', '财务'],
  migrants: ['新市民', '务工人员', '外来务工人员', '进城务工人员', '农民工', '流动人口', '外来人口'],
  hearing_impaired: ['听障人士', '听障人员', '听障', '聋哑人', '聋哑人士', '聋人'],
  employees: ['企业员工', '企业职工', '员工', '职工', '上班族', '白领'],
  women: ['宝妈', '妇女', '女性', '全职妈妈', '家庭主妇'],
  other: ['青少年', '未成年人', '儿童', '残疾人', '退役军人', '商户', '个体户', '个体工商户', '外卖骑手', '快递员', '骑手', '网约车司机', '司机', '家长', '患者', '游客'],
};
/** Words that carry nothing: never a place. */
const FILLER = new Set([
  '宣传', '反诈', '反诈宣传', '宣传活动', '反诈宣传活动', '活动', '开展', '举办', '举行', '进行', '组织', '今天', '今日', '本周',
  '共', '共计', '合计', '累计', '总计', '一共', '本次', '此次', '一场', '在', '于', '到', '的', '了', '和', '及', '与', '等', '为主',
  '主要', '其中', '现场', '顺利', '圆满', '完成', '结束', '群众', '居民', '村民', '市民', '人员', '人数', '覆盖', '参与', '参加',
  '约', '大约', '左右', '以上', '人', '名', '发放', '装', '安装', '下载', '哈', '啦', '哦', '呀', '吧', '嗯',
]);
const LEADING_FILLER = /^(?:其中|前往|在|于|赴|到)(?=..)/;
const TRAILING_FILLER = /(?<=..)(?:开展|举办|举行|进行|组织|宣传|活动|反诈|现场)$/;
/** A keyword at the start, unless the next word makes 宣传 a noun (宣传册, 宣传月, 宣传效果). */
const KEYWORD = /^[[【(「『<《#\s]*(反诈宣传登记|反诈宣传台账|宣传登记|宣传台账|反诈宣传|宣传)(?!单|册|品|栏|部|片|页|画|资料|材料|海报|标语|横幅|员|委|队|科|车|牌|周|月|日|效果|工作|力度|视频)/;

const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const FORM_OF = new Map<string, OutreachForm>();
for (const [form, words] of Object.entries(FORM_WORDS)) for (const w of words) FORM_OF.set(w, form as OutreachForm);
const TARGET_OF = new Map<string, TargetGroup>();
for (const [group, words] of Object.entries(TARGET_WORDS)) for (const w of words) TARGET_OF.set(w, group as TargetGroup);
const TARGET_SYNONYMS = [...TARGET_OF.keys()].sort((a, b) => b.length - a.length);

// ---- number phrases ----

/**
 * A count in digits (80, 1.2万, -5) or Chinese numerals (八十, 两百), read from its first
 * character only (which keeps long runs linear), never the tail of 几十/上百/数百.
 */
const NUM = String.raw`((?<![\d.])-?\d+(?:\.\d+)?[十百千万]?|(?<![几数上零〇一二两三四五六七八九十百千万])[零〇一二两三四五六七八九十百千万]+)`;
const ABOUT = String.raw`\s?(?:余|多|来)?\s?`;
const APP = String.raw`(?:国家反诈中心|国家反诈|反诈中心|反诈)?\s?app`;
const INSTALL_UNIT = String.raw`(?:个|人|部|台|户|名|次|位)?`;
const LEAFLET = '宣传单页|宣传折页|宣传资料|宣传材料|宣传单|宣传册|宣传品|小册子|明白纸|告知书|倡议书|传单|单页|折页|手册|资料|材料|海报';
const PAPER_UNIT = '(?:份|张|本|册|件|套)';
const STAFF = '志愿者|民警|辅警|网格员|工作人员|社工|社区干部|干部|党员|警力';
const GROUP_PREFIX = '覆盖|受众|受益|惠及|参与|参加|听众|观众|群众|居民|村民|市民|共计|一共|共|合计|累计|总计|大约|约|近|超过|超|达|逾';
const TARGETS = TARGET_SYNONYMS.join('|');
const CN_DIGITS = '零〇一二两三四五六七八九十百千万';

const re = (source: string) => new RegExp(source, 'gi');
const FORMS = re(alternation([...FORM_OF.keys()]));
const INSTALLS = re(
  [
    String.raw`(?:安装|装|下载|注册)\s?了?\s?${NUM}${ABOUT}${INSTALL_UNIT}\s?${APP}`,
    String.raw`(?:安装|装|下载|注册|推广)\s?了?\s?${APP}\s?(?:共计|共|合计|约)?\s?${NUM}${ABOUT}${INSTALL_UNIT}`,
    String.raw`${APP}\s?(?:安装量|下载量|注册量|安装数|安装|下载|注册|装)?\s?了?\s?(?:共计|共|合计|约)?\s?${NUM}${ABOUT}${INSTALL_UNIT}`,
    String.raw`(?:安装|下载|注册|装机)\s?了?\s?${NUM}${ABOUT}(?:个|部|台)`,
  ].join('|'),
);
const LEAFLETS = re(
  [
    String.raw`(?:发放|派发|分发|发出|散发|赠送|送出|张贴|发)?\s?了?\s?(?:${LEAFLET})\s?(?:共计|共|合计|约)?\s?${NUM}${ABOUT}${PAPER_UNIT}?`,
    String.raw`(?:发放|派发|分发|发出|散发|赠送|送出|张贴|发)\s?了?\s?${NUM}${ABOUT}${PAPER_UNIT}\s?(?:${LEAFLET})?`,
    String.raw`${NUM}${ABOUT}份`,
    String.raw`${NUM}${ABOUT}${PAPER_UNIT}\s?(?:${LEAFLET})`,
  ].join('|'),
);
const ASIDES = re(
  [
    String.raw`(?:出动|组织|安排|参与)?(?:${STAFF})\s?(?:共)?-?(?:\d+|[${CN_DIGITS}]+)(?:余|多)?(?:人|名|位)`,
    String.raw`-?(?:\d+|[${CN_DIGITS}]+)(?:余|多)?(?:名|位|人)(?:${STAFF})`,
    String.raw`(?:\d+|[${CN_DIGITS}]+)(?:余|多)?(?:户|家|场|次)`,
  ].join('|'),
);
const PEOPLE = re(
  [
    // A label makes the unit optional: 人数：80, 覆盖 80.
    String.raw`(?:覆盖人数|受众人数|参与人数|参加人数|受益人数|人数|覆盖|受众)\s?(?:约|共计|共|合计|达|近|超过|超)?\s?${NUM}(?:\s?(?:余|多))?(?:\s?(?:人次|人|名|位)|(?![\d.${CN_DIGITS}号栋楼层户家份张本册个场次年月日点时:]))`,
    String.raw`(?:其中|包括|含)?\s?(?:${TARGETS})?\s?(?:(?:${GROUP_PREFIX})\s?){0,3}${NUM}${ABOUT}(?:人次|人|名|位)(?:群众|居民|村民|市民|观众|听众)?(?:左右|以上)?`,
  ].join('|'),
);
/** 几十人, 上百人, 数百名: a count, but not one that can be stored. */
const VAGUE_PEOPLE = /(?:几|数|上)[十百千]\s?(?:余|多)?\s?(?:人|名|位)/;

// ---- helpers ----

const PUNCTUATION = new Set([...'，。、：:！!？?;；,.…~～“”"\'‘’()（）【】[]{}《》<>〈〉「」『』|/\\—–-_=+*#&%^`·•・']);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

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
  rest = cut(rest, PEOPLE, pieces, (_, v) => {
    if (v === null) return 'keep';
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
    if (bare !== undefined) return refuse('missing_people', `缺少覆盖人数：“${bare}”是人数吗？请写成“${bare}人”`);
    return refuse('missing_people', log.place ? '缺少覆盖人数' : '缺少活动地点和覆盖人数');
  }
  if (log.people === 0) return refuse('implausible', '覆盖0人？请填写实际人数后重发');
  if (log.installs > log.people * LIMITS.installsPerPerson) {
    return refuse('implausible', `装APP ${log.installs}个，超过覆盖人数${log.people}人的两倍？请核对后重发`);
  }
  if (!log.place) return refuse('missing_place', '缺少活动地点');
  return { ok: true, log };
}

// ---- describing ----

const clip = (s: string, max: number) => {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
};

/**
 * One short line repeating what was understood, for the confirmation and the withdrawal.
 * Long places and notes are clipped.
 * @example describeOutreach({ place: '幸福里社区', form: 'stall', people: 80, installs: 25, leaflets: 0, targets: ['elderly'], note: null })
 *   // '幸福里社区 · 摆摊 · 80人 · 装APP 25 · 老年人'
 */
export function describeOutreach(log: OutreachLog): string {
  const parts = [clip(log.place, 20)];
  if (log.form) parts.push(FORM_ZH[log.form]);
  parts.push(`${log.people}人`);
  if (log.installs > 0) parts.push(`装APP ${log.installs}`);
  if (log.leaflets > 0) parts.push(`传单${log.leaflets}份`);
  if (log.targets.length > 0) parts.push(log.targets.map((t) => TARGET_ZH[t]).join('、'));
  if (log.note) parts.push(`备注：${clip(log.note, 16)}`);
  return parts.filter((p) => p !== '').join(' · ');
}
