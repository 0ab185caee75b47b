import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_ID_ALPHABET, CASE_ID_DIGITS, CASE_ID_LETTERS, generateCaseId, isCaseId, normalizeCaseId } from '../../src/domain/case-id.js';

describe('the case id alphabet', () => {
  it('has no look-alike characters', () => {
    for (const c of '0O1IL8BSZ') expect(CASE_ID_ALPHABET).not.toContain(c);
    expect(CASE_ID_LETTERS).toBe('ACDEFGHJKMNPQRTUVWXY');
    expect(CASE_ID_DIGITS).toBe('2345679');
  });
});

describe('isCaseId', () => {
  it.each(['K7Q2', 'k7q2', 'K7q2', 'A2CD', 'ACD2', 'K7Q2A', 'K7Q2AC', 'Y9999', 'X2X2X2'])('accepts %j', (id) => {
    expect(isCaseId(id)).toBe(true);
  });

  it.each([
    ['ok', 'too short, no digit'],
    ['APP', 'a word'],
    ['ACDE', 'no digit'],
    ['2024', 'starts with a digit'],
    ['7KQ2', 'starts with a digit'],
    ['K7Q', 'too short'],
    ['K7Q2ACD', 'too long'],
    ['K0Q2', 'look-alike 0'],
    ['KOQ2', 'look-alike O'],
    ['K1Q2', 'look-alike 1'],
    ['KIQ2', 'look-alike I'],
    ['KLQ2', 'look-alike L'],
    ['K8Q2', 'look-alike 8'],
    ['KBQ2', 'look-alike B'],
    ['KSQ2', 'look-alike S'],
    ['KZQ2', 'look-alike Z'],
    ['K7 Q2', 'a space inside'],
    [' K7Q2', 'untrimmed'],
    ['K7Q2!', 'punctuation'],
    ['Ｋ７Ｑ２', 'full-width (normalise first)'],
    ['', 'empty'],
  ])('refuses %j (%s)', (text) => {
    expect(isCaseId(text)).toBe(false);
  });
});

describe('normalizeCaseId', () => {
  it.each([
    ['k7q2', 'K7Q2'],
    [' K7q2 ', 'K7Q2'],
    ['Ｋ７ｑ２', 'K7Q2'],
    ['\u3000k7q2\u3000', 'K7Q2'],
  ])('turns %j into %j', (raw, id) => {
    expect(normalizeCaseId(raw)).toBe(id);
    expect(isCaseId(normalizeCaseId(raw))).toBe(true);
  });
});

describe('generateCaseId', () => {
  it.each([
    [() => 0, 4, 'A2AA'],
    [() => 0, 6, 'A2AAAA'],
    [() => 0.999999, 4, 'Y999'],
  ])('is deterministic for a given random source (%#)', (random, length, id) => {
    expect(generateCaseId(random, length)).toBe(id);
  });

  it('defaults to 4 characters', () => {
    expect(generateCaseId(Math.random)).toHaveLength(4);
  });

  it('always gives a valid id of the asked length, whatever the random source returns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(4, 5, 6),
        (values, length) => {
          let i = 0;
          const id = generateCaseId(() => values[i++ % values.length]!, length);
          expect(id).toHaveLength(length);
          expect(isCaseId(id)).toBe(true);
        },
      ),
    );
  });

  it('survives a broken random source (1, NaN, negative)', () => {
    for (const r of [1, Number.NaN, -0.5, 7]) expect(isCaseId(generateCaseId(() => r))).toBe(true);
  });

  it.each([3, 7, 4.5])('refuses length %s', (length) => {
    expect(() => generateCaseId(Math.random, length)).toThrow(RangeError);
  });
});
