import { describe, expect, it } from 'vitest';
import { formatQuote, normalizeText, splitQuote, stripMentions } from '../../src/domain/text.js';

describe('normalizeText', () => {
  it.each([
    ['\u3000收到\u3000Ｋ７Ｑ２ ', '收到 K7Q2'],
    ['反馈：K7Q2，上门', '反馈:K7Q2,上门'],
    ['收\u200b到  k7q2', '收到 k7q2'],
    ['a\tb\u0007c', 'a b c'],
  ])('folds %j to %j', (raw, clean) => expect(normalizeText(raw)).toBe(clean));
});

describe('quoted replies', () => {
  it('splits the WeChat quote format into quote and reply', () => {
    const raw = formatQuote('网格哨兵', '【紧急预警】K7Q2\n张*，138****1111', '收到');
    expect(splitQuote(raw)).toEqual({ quote: { sender: '网格哨兵', text: '【紧急预警】K7Q2\n张*，138****1111' }, reply: '收到' });
  });

  it('leaves ordinary text alone', () => {
    expect(splitQuote('「引号」里的话')).toEqual({ quote: null, reply: '「引号」里的话' });
  });
});

describe('stripMentions', () => {
  it('removes mentions anywhere and reports them', () => {
    expect(stripMentions('@网格哨兵\u2005收到 K7Q2 @王社区')).toEqual({ mentions: ['网格哨兵', '王社区'], text: '收到 K7Q2' });
  });
});
