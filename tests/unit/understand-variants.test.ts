/**
 * The training split read again in the ways people vary the same message on a phone: a full
 * stop or none, full-width letters, an interjection first (嗯，), a tone particle last (哈, 啊),
 * an emoji or thanks at the end, the bot @-mentioned, clauses split by full stops, ellipses or
 * line breaks, the slip 以经 for 已经. Every line read correctly as written must be read the same
 * way in each variant: a phrase list that only knows the corpus's exact spelling fails here.
 * (Built from the training split only; the held-out split is never read.)
 */
import { describe, expect, it } from 'vitest';
import { readCorpus, score, TRAINING_FILES, type CorpusLine } from '../support/phrasing-corpus.js';

const asks = (t: string) => /[?？吗呢]\s*$/u.test(t);
const ends = (t: string) => /[。！!.~]$/u.test(t);
const isAct = (l: CorpusLine) => l.expect.decision === 'act';
const isCommand = (l: CorpusLine) => l.expect.decision === 'act' || l.expect.decision === 'confirm';
const answersConfirmation = (l: CorpusLine) => l.expect.command?.kind === 'confirm_yes' || l.expect.command?.kind === 'confirm_no';
const fullWidth = (t: string) => t.replace(/[A-Za-z0-9]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A variant of a line's text that means the same, or null when it does not apply to the line. */
const VARIANTS: { name: string; vary: (t: string, l: CorpusLine) => string | null }[] = [
  { name: 'a full stop at the end', vary: (t) => (asks(t) || ends(t) ? null : `${t}。`) },
  { name: 'an exclamation mark at the end', vary: (t) => (asks(t) || ends(t) ? null : `${t}！`) },
  { name: 'full-width letters and digits', vary: (t) => (fullWidth(t) === t ? null : fullWidth(t)) },
  { name: 'lower-case ids', vary: (t) => (t.toLowerCase() === t ? null : t.toLowerCase()) },
  { name: 'two spaces for one', vary: (t) => (t.includes(' ') ? t.replace(/ /gu, '  ') : null) },
  { name: 'half-width punctuation', vary: (t) => (/[，。！：]/u.test(t) ? t.replace(/，/gu, ',').replace(/。/gu, '.').replace(/！/gu, '!').replace(/：/gu, ':') : null) },
  { name: 'commas as spaces', vary: (t) => (CLAUSE_COMMA.test(t) ? t.replace(CLAUSE_COMMAS, ' ') : null) },
  { name: 'commas as full stops', vary: (t) => (CLAUSE_COMMA.test(t) ? t.replace(CLAUSE_COMMAS, '。') : null) },
  { name: 'commas as ellipses', vary: (t) => (CLAUSE_COMMA.test(t) ? t.replace(CLAUSE_COMMAS, '...') : null) },
  { name: 'commas as line breaks', vary: (t) => (CLAUSE_COMMA.test(t) ? t.replace(CLAUSE_COMMAS, '\n') : null) },
  { name: '嗯， first', vary: (t, l) => (isCommand(l) ? `嗯，${t}` : null) },
  { name: '哈 last', vary: (t, l) => (isAct(l) && !asks(t) ? `${t}哈` : null) },
  { name: '啊 last', vary: (t, l) => (isAct(l) && !asks(t) ? `${t}啊` : null) },
  { name: 'an emoji last', vary: (t) => (asks(t) ? null : `${t}🙏`) },
  { name: 'the bot @-mentioned first', vary: (t, l) => (isAct(l) && !t.includes('@') && !answersConfirmation(l) ? `@网格哨兵 ${t}` : null) },
  { name: '以经 for 已经', vary: (t) => (t.includes('已经') ? t.replace(/已经/gu, '以经') : null) },
];

/** A full-width comma between clauses, not one inside a figure (损失12，000). */
const CLAUSE_COMMA = /(?<!\d)，|，(?!\d)/u;
const CLAUSE_COMMAS = new RegExp(CLAUSE_COMMA.source, 'gu');

const lines = TRAINING_FILES.flatMap((f) => readCorpus(f)).filter((l) => score(l).correct);
/**
 * Each variant reads a rotating quarter of the split (lines i with i % 4 === variant % 4), so every
 * line is still varied four ways while the file costs a quarter of reading all 16 × 82,000: the
 * whole split in every variant had grown to a minute of CI on two cores, and a third of it, with the
 * split at 82,000 lines, to most of one again.
 */
const SHARE = 4;

describe('the training split, varied as people vary a message', () => {
  VARIANTS.forEach(({ name, vary }, v) => {
    it(`reads each line the same with ${name}`, () => {
      const misread: string[] = [];
      let tried = 0;
      for (let i = v % SHARE; i < lines.length; i += SHARE) {
        const line = lines[i]!;
        const text = vary(line.text, line);
        if (text === null || text === line.text) continue;
        tried++;
        const s = score({ ...line, text });
        if (!s.correct || s.wrongStateChange) misread.push(`${line.id} ${JSON.stringify(text)}: ${s.got.kind}`);
      }
      expect(tried).toBeGreaterThan(50);
      expect(misread).toEqual([]);
      // A quarter of the training split again (some 20,000 lines): seconds alone, more beside the
      // integration suites on two cores.
    }, 60_000);
  });
});
