/** Normalising chat text as workers type it on phones: full-width forms, odd spaces, quotes, mentions. */

/** WeChat's separator line between a quoted message and the reply (NOTES.md "Quoted replies"). */
export const QUOTE_SEPARATOR = '- - - - - - - - - - - - - - -';

export interface Quote {
  sender: string;
  text: string;
}

/**
 * Splits a WeChat quoted reply (引用) into the quoted part and the reply.
 * @example splitQuote('「网格哨兵：【紧急预警】K7Q2」\n- - - - - - - - - - - - - - -\n收到')
 *   // { quote: { sender: '网格哨兵', text: '【紧急预警】K7Q2' }, reply: '收到' }
 */
export function splitQuote(raw: string): { quote: Quote | null; reply: string } {
  const m = /^「([^：:]{1,64})[：:]([\s\S]*?)」\s*\n\s*(?:-\s*){5,}\s*\n?([\s\S]*)$/.exec(raw);
  if (!m) return { quote: null, reply: raw };
  return { quote: { sender: m[1]!.trim(), text: m[2]! }, reply: m[3]! };
}

/**
 * Formats a quoted reply the way WeChat delivers it.
 * @example formatQuote('网格哨兵', '【紧急预警】K7Q2', '收到')
 */
export function formatQuote(sender: string, quoted: string, reply: string): string {
  return `「${sender}：${quoted}」\n${QUOTE_SEPARATOR}\n${reply}`;
}

/**
 * Full-width ASCII (Ｋ７Ｑ２, ：, ！) to half-width; nothing else changes.
 * @example foldWidth('Ｋ７Ｑ２') // 'K7Q2'
 */
export function foldWidth(raw: string): string {
  return raw.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Traditional characters of the bot's words, typed on a Hong Kong or Taiwan keyboard (反饋, 損失, 勸阻): one simplified form each. */
const TRADITIONAL: Record<string, string> = {
  饋: '馈', 損: '损', 報: '报', 騙: '骗', 勸: '劝', 轉: '转', 單: '单', 辦: '办', 銷: '销', 聯: '联', 電: '电', 話: '话', 無: '无', 門: '门', 訪: '访',
  傳: '传', 確: '确', 認: '认', 萬: '万', 億: '亿', 塊: '块', 約: '约', 個: '个', 幾: '几', 兩: '两', 戶: '户', 經: '经', 誤: '误', 詐: '诈', 還: '还',
  沒: '没', 說: '说', 這: '这', 對: '对', 會: '会', 為: '为', 請: '请', 問: '问', 嗎: '吗', 們: '们', 麼: '么', 來: '来', 過: '过', 發: '发', 裝: '装', 幫: '帮',
絕: '绝', 當: '当', 網: '网', 統: '统', 計: '计', 應: '应', 歡: '欢', 謝: '谢', 場: '场', 現: '现', 後: '后', 時: '时', 見: '见', 寫: '写',
};
const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'gu');

/**
 * Folds the traditional characters of the bot's own words to their simplified forms, for reading only.
 * @example foldTraditional('反饋 E2KH 已被騙 損失5000') // '反馈 E2KH 已被骗 损失5000'
 */
export function foldTraditional(raw: string): string {
  return raw.replace(TRADITIONAL_RE, (c) => TRADITIONAL[c] ?? c);
}

/**
 * Folds full-width ASCII (Ｋ７Ｑ２, ：, ！) to half-width, ideographic and other odd spaces to a
 * plain space, drops zero-width and control characters, and collapses runs of spaces.
 * @example normalizeText('\u3000收到\u3000Ｋ７Ｑ２ ') // '收到 K7Q2'
 */
export function normalizeText(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) out += ' ';
    else if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) continue;
    else if (c < 0x20 && ch !== '\n') out += ' ';
    else if (c === 0x7f) continue;
    else out += ch;
  }
  return out.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

/**
 * Removes @mentions (`@网格哨兵`, `@李网格 `) wherever they are; WeChat ends a mention with a
 * space or U+2005, or where a roster name (`names`) ends. Returns the names mentioned and the
 * rest of the text.
 * @example stripMentions('@网格哨兵 帮助') // { mentions: ['网格哨兵'], text: '帮助' }
 */
export function stripMentions(text: string, names: readonly string[] = []): { mentions: string[]; text: string } {
  const mentions: string[] = [];
  const known = [...names].sort((a, b) => b.length - a.length);
  // A typed @name ends at a space or at sentence punctuation (@周网格，李网格今天请假), or right
  // after a name on the roster when the rest runs on (@陈网格X6CU你接一下).
  const rest = text.replace(/@([^\s@\u2005,，、;；:：!！?？。]{1,32})[\u2005 ]?/g, (m, name: string) => {
    const on = known.find((k) => k !== name && name.startsWith(k));
    mentions.push(on ?? name);
    return on ? ` ${name.slice(on.length)} ` : ' ';
  });
  return { mentions, text: rest.replace(/\s+/g, ' ').trim() };
}

/** Chinese and ASCII punctuation that the grammars read as a space. */
export const PUNCTUATION: ReadonlySet<string> = new Set([...'，。、：:！!？?;；,.…~～“”"\'‘’()（）【】[]{}《》<>〈〉「」『』|/\\—–-_=+*#&%^`·•・']);

/** True for an ASCII digit. */
export const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
