import { describe, expect, it } from 'vitest';
import { formatQuote } from '../../src/domain/text.js';
import { readUtterance } from '../../src/domain/utterance.js';

const BOT = '网格哨兵';

describe('readUtterance', () => {
  it('splits quote, folds full-width, removes mentions and trailing full stops', () => {
    expect(readUtterance(formatQuote(BOT, '【紧急预警】K7Q2', '@网格哨兵\u2005收到　Ｋ７Ｑ２。'))).toEqual({
      body: '收到 K7Q2',
      quote: { sender: BOT, text: '【紧急预警】K7Q2' },
      mentions: [BOT],
    });
  });

  it('separates a bot mention typed without a space when it knows the bot name', () => {
    expect(readUtterance('@网格哨兵收到 K7Q2 @王五', BOT)).toEqual({ body: '收到 K7Q2', quote: null, mentions: [BOT, '王五'] });
  });

  it('reads only the first 2000 characters', () => {
    expect(readUtterance('收'.repeat(5000)).body).toHaveLength(2000);
  });
});
