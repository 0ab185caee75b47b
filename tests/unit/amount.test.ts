import { describe, expect, it } from 'vitest';
import { parseAmount, readAmountAt } from '../../src/domain/amount.js';

describe('parseAmount', () => {
  it.each([
    ['5000', 5000],
    ['5000元', 5000],
    ['5千', 5000],
    ['5千元', 5000],
    ['1.2万', 12000],
    ['1.2万元', 12000],
    ['3万5', 35000],
    ['两万', 20000],
    ['五千', 5000],
    ['¥5000', 5000],
    ['￥5000', 5000],
    ['5,000', 5000],
    ['12,345.50', 12345.5],
    ['５０００', 5000],
    ['5000块', 5000],
    ['5000块钱', 5000],
    ['5000元整', 5000],
    ['人民币5000元', 5000],
    ['RMB 5000', 5000],
    ['5000多', 5000],
    ['3万多元', 30000],
    ['5000元左右', 5000],
    ['5k', 5000],
    ['5K', 5000],
    ['2w', 20000],
    ['1.5W', 15000],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['十万', 100000],
    ['二十万', 200000],
    ['十二万', 120000],
    ['一万二', 12000],
    ['两千五', 2500],
    ['三百五', 350],
    ['一万零五', 10005],
    ['3万500', 30500],
    ['3万5千', 35000],
    ['3千5百', 3500],
    ['5千万', 50_000_000],
    ['一千二百万', 12_000_000],
    ['1亿2000万', 120_000_000],
    ['一亿两千万', 120_000_000],
    ['壹万贰仟', 12000],
    ['0', 0],
    ['0.5', 0.5],
    ['99.999', 100],
    [' 5000 元 ', 5000],
  ])('reads %j as %d yuan', (text, yuan) => {
    expect(parseAmount(text)).toBe(yuan);
  });

  it.each([
    ['', 'empty'],
    ['元', 'a unit without a number'],
    ['万', 'a magnitude without a number'],
    ['百', 'a bare hundred'],
    ['-5000', 'negative'],
    ['¥-5000', 'negative after the sign'],
    ['abc', 'letters'],
    ['很多', 'words'],
    ['5000-6000', 'a range'],
    ['1.2.3万', 'two decimal points'],
    ['12,34', 'a bad thousands separator'],
    ['3万万', 'magnitude twice'],
    ['五百三千', 'units out of order'],
    ['一二', 'digits without units'],
    ['5五', 'two numbers in a row'],
    ['k5', 'unit first'],
    ['5000x', 'trailing junk'],
    ['9999999999999', 'more than a trillion'],
    ['Infinity', 'not a number'],
  ])('refuses %j (%s)', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('readAmountAt', () => {
  it.each([
    ['损失5000已报警', 2, true, { text: '5000', value: 5000 }],
    ['损失 1.2万元 已报警', 2, true, { text: '1.2万元', value: 12000 }],
    ['被骗3万多元', 2, false, { text: '3万多元', value: 30000 }],
    ['损失-5000', 2, true, { text: '-5000', value: null }],
    ['损失一些', 2, true, { text: '一', value: null }],
    ['被骗两万', 2, false, { text: '两万', value: 20000 }],
    ['损失5k', 2, true, { text: '5k', value: 5000 }],
  ] as const)('reads the amount in %j at %i (explicit: %s)', (text, at, explicit, found) => {
    expect(readAmountAt(text, at, explicit)).toMatchObject(found);
  });

  it.each([
    ['被骗3次', 2, false],
    ['被骗一次', 2, false],
    ['被骗了', 2, false],
    ['损失不大', 2, true],
    ['损失', 2, true],
    ['被骗K7Q2', 2, false],
  ] as const)('finds no amount in %j at %i (explicit: %s)', (text, at, explicit) => {
    expect(readAmountAt(text, at, explicit)).toBeNull();
  });
});

describe('a magnitude after 多 (found in train-phone: 被骗了二十多万 was read as 20 yuan)', () => {
  it.each([
    ['被骗了二十多万', 3, 200_000],
    ['投了20多万', 2, 200_000],
    ['损失两百多万块', 2, 2_000_000],
    ['损失三十来万元', 2, 300_000],
    ['被骗3千多万', 2, 30_000_000],
  ] as const)('reads %j at %i as about %i yuan', (text, at, value) => {
    expect(readAmountAt(text, at, false)).toMatchObject({ value, approximate: true });
  });
  it('leaves 五千多 and 三万来块 as they were', () => {
    expect(readAmountAt('五千多', 0, false)).toMatchObject({ value: 5000, approximate: true });
    expect(readAmountAt('三万来块', 0, false)).toMatchObject({ value: 30_000, approximate: true });
  });
});
