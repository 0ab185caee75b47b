import { describe, expect, it } from 'vitest';
import { formatDurationZh, parseDuration } from '../../src/domain/duration.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    [' 2s ', 2000],
  ])('reads %s as %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '5', 'm', '5 minutes', '-5m', '5x', '2h junk'])('refuses %j', (text) => expect(parseDuration(text)).toBeNull());
});

describe('formatDurationZh', () => {
  it.each([
    [45_000, '45秒'],
    [300_000, '5分钟'],
    [5_400_000, '1小时30分钟'],
    [7_200_000, '2小时'],
    [90_000_000, '1天1小时'],
  ])('writes %i ms as %s', (ms, text) => expect(formatDurationZh(ms)).toBe(text));
});
