import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_ID_DIGITS, CASE_ID_LETTERS } from '../../src/domain/case-id.js';
import { parseMessage, type Parsed } from '../../src/domain/grammar.js';
import { normalizeText, splitQuote, stripMentions } from '../../src/domain/text.js';

const BOT = '网格哨兵';
const parse = (text: string, addressed = false): Parsed => parseMessage({ text, addressed, botName: BOT });

/**
 * Everything a command may start with once mentions and punctuation are gone: keywords,
 * acknowledgement words, and the particles and words the grammar skips in front of them.
 * Kept apart from the grammar's own tables on purpose: a filter derived from the parser would
 * only prove that the parser agrees with itself.
 */
const COMMAND_STARTS = [
  '收到', '已收到', '好的', '好', '接单', '已接单', '我接单', '马上', '立即', '立刻', '正在前往', '反馈', '回复', '结果', '处置',
  '我的', '待办', '查', '进度', '转派', '改派', '督办', '已督办', '撤销', '统计', '今日', '数据', '绑定', '帮助', '菜单', '指令',
  '怎么用', '使用说明', 'help', 'ok', '👌', '👍', '了', '啦', '哈', '哦', '噢', '喔', '呀', '啊', '嗯', '吧', '呢', '哒',
];
/** Characters the grammar reads as punctuation (and emoji modifiers), which may precede a command. */
const LEADING_NOISE = /^(?:[\s\p{P}+=^|<>~`]|\uFE0E|\uFE0F|\p{Emoji_Modifier})+/u;

/** True when the text could legitimately be a command that was not addressed to the bot. */
function couldBeCommand(raw: string): boolean {
  const cut = raw.slice(0, 2000);
  if (splitQuote(cut).quote) return true; // a quoted reply to the bot is addressed to it
  const { mentions, text } = stripMentions(normalizeText(cut));
  if (mentions.some((m) => m.startsWith(BOT))) return true;
  const body = text.replace(LEADING_NOISE, '').toLowerCase();
  if (COMMAND_STARTS.some((w) => body.startsWith(w))) return true;
  // An ASCII word first: a case id (K7Q2 收到) or an ack word such as okay.
  return /^[a-z0-9]/.test(body);
}

/** Words an ordinary sentence starts with; none of them starts a command. */
const chatterStart = fc.constantFrom('大家', '今天', '昨天', '这个', '那个', '我觉得', '请问', '谁', '他说');

/** Pieces of real messages, commands included, to build adversarial sentences from. */
const fragment = fc.oneof(
  fc.constantFrom(
    '收到', '好的', 'ok', '👌', '反馈', '上门', '劝阻成功', '已被骗', '损失5000', '被骗3万', '已报警', '未接通', '误报', '查', '进度',
    '转派', '督办', '撤销', '统计', '今日', '我的', '待办', '绑定', 'K3P9QX', '帮助', '?', '？', '，', '。', '！', '：', '、', ' ', '\u3000',
    '\n', '@王社区 ', '@李网格\u2005', '「', '」', '- - - - - - - - - - - - - - -', 'Ｋ７Ｑ２', 'k7q2', 'K9P3', '5000', '¥', '-5000',
    '😂', '🏻', '\u200b', '\u0000', '\u0007', '\u202e', 'APP', '2024', '1',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

describe('the parser never acts on what was not meant', () => {
  it('never throws, and answers every addressed message (never "chatter")', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean(), fc.string({ maxLength: 10 }), (text, addressed, botName) => {
        const got = parseMessage({ text, addressed, botName });
        if (addressed) expect(got).not.toEqual({ ok: false, reason: 'chatter' });
        if (!got.ok && got.reason !== 'chatter') expect(got.example.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('treats a sentence that merely contains command words as chatter when not addressed', () => {
    fc.assert(
      fc.property(chatterStart, fc.array(fragment, { maxLength: 30 }), (start, parts) => {
        expect(parse(start + parts.join(''))).toEqual({ ok: false, reason: 'chatter' });
      }),
      { numRuns: 1000 },
    );
  });

  it('gives no command for random text, unicode, control characters and emoji that does not start like one', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 50 }),
      fc.array(fragment, { maxLength: 20 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!couldBeCommand(text));
        expect(parse(text).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles 10,000 characters quickly and reads only the first 2000', () => {
    fc.assert(
      fc.property(chatterStart, fc.string({ unit: 'binary', minLength: 10_000, maxLength: 10_000 }), fc.array(fragment, { maxLength: 10 }), (start, noise, tail) => {
        const text = start + noise + tail.join('');
        expect(parse(text)).toEqual({ ok: false, reason: 'chatter' });
        // Whatever follows the first 2000 characters makes no difference, addressed or not.
        expect(parse(text, true)).toEqual(parse(text.slice(0, 2000), true));
      }),
      { numRuns: 30 },
    );
  });
});

const ACK_WORDS = ['收到', '接单', '已收到', '好的收到', '收到了', '马上去', '立即处理'];
const FULL_WIDTH = (s: string) => [...s].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');

/** Any valid case id: a letter, then 3 to 5 of the alphabet, at least one of them a digit. */
const caseId = fc
  .tuple(
    fc.constantFrom(...CASE_ID_LETTERS),
    fc.array(fc.constantFrom(...(CASE_ID_LETTERS + CASE_ID_DIGITS)), { minLength: 2, maxLength: 4 }),
    fc.constantFrom(...CASE_ID_DIGITS),
    fc.nat(),
  )
  .map(([first, rest, digit, at]) => {
    rest.splice(at % (rest.length + 1), 0, digit);
    return first + rest.join('');
  });

describe('acknowledging any case id', () => {
  it('reads "<ack word> <id>" and "<id> <ack word>" in any letter case, full-width or not, addressed or not', () => {
    fc.assert(
      fc.property(
        caseId,
        fc.constantFrom(...ACK_WORDS),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom('', ' ', '\u3000', '，', ':', '：', '  '),
        fc.boolean(),
        fc.boolean(),
        (id, word, lower, fullWidth, gap, idFirst, addressed) => {
          let typed = [...id].map((c, i) => (lower[i] ? c.toLowerCase() : c)).join('');
          if (fullWidth) typed = FULL_WIDTH(typed);
          const text = idFirst ? `${typed}${gap}${word}` : `${word}${gap}${typed}`;
          expect(parse(text, addressed)).toEqual({ ok: true, command: { kind: 'ack', caseId: id, bare: false } });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
