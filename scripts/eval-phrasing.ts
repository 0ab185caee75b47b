/**
 * `npm run eval:phrasing`: how well the understanding step reads the phrasing corpus
 * (tests/corpus/README.md, issue 13 "Measure it"). Prints, per split, accuracy per category and
 * overall, commands understood, wrong state changes and replies to chatter; lists the first
 * failures of the training split only (the held-out split is never shown, only measured).
 * The training split is train.jsonl plus train-extra.jsonl, train-adversarial.jsonl and
 * train-field.jsonl when they exist (TRAINING_FILES): each file's figures, then all together. Always exits 0 (it is a report), except when a corpus file is malformed.
 * `--split train` measures only the training split.
 */
import { existsSync } from 'node:fs';
import { figures, MalformedCorpusError, readCorpus, score, TRAINING_FILES, type Figures, type Scored } from '../tests/support/phrasing-corpus.js';

const SPLITS = [
  { name: 'train', paths: TRAINING_FILES, showFailures: true },
  { name: 'heldout', paths: ['tests/corpus/heldout.jsonl'], showFailures: false },
] as const;
const SHOW_FAILURES = 40;

const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function printFigures(name: string, f: Figures): void {
  console.log(`\n== ${name}: ${f.total} messages ==`);
  for (const [cat, c] of [...f.byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${cat.padEnd(12)} ${pct(c.correct, c.total)}  (${c.correct}/${c.total})`);
  }
  console.log(`  overall      ${pct(f.correct, f.total)}  (${f.correct}/${f.total})`);
  console.log(`  commands understood   ${pct(f.understood, f.commands)}  (${f.understood}/${f.commands})`);
  console.log(`  wrong state changes   ${f.wrongStateChanges}`);
  console.log(`  replies to chatter    ${pct(f.chatterReplies, f.chatter)}  (${f.chatterReplies}/${f.chatter})`);
}

function printFailures(scored: Scored[]): void {
  const failed = scored.filter((s) => !s.correct || s.wrongStateChange);
  if (failed.length === 0) return;
  console.log(`\n  first failures (${Math.min(SHOW_FAILURES, failed.length)} of ${failed.length}):`);
  for (const s of failed.slice(0, SHOW_FAILURES)) {
    const got = s.got.kind === 'act' || s.got.kind === 'confirm' ? `${s.got.kind} ${JSON.stringify(s.got.command)}` : s.got.kind === 'refuse' ? `refuse ${s.got.reason}` : 'ignore';
    const exp = `${s.line.expect.decision}${s.line.expect.command ? ' ' + JSON.stringify(s.line.expect.command) : ''}`;
    console.log(`  ${s.wrongStateChange ? '!!' : '- '} ${s.line.id} ${JSON.stringify(s.line.text)} ctx=${JSON.stringify(s.line.context)}\n       expected ${exp}\n       got      ${got}`);
  }
}

function main(): number {
  const only = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : undefined;
  for (const split of SPLITS) {
    if (only && split.name !== only) continue;
    const present = split.paths.filter((p) => existsSync(p));
    if (present.length === 0) {
      console.log(`\n== ${split.name}: ${split.paths.join(', ')} not found ==`);
      continue;
    }
    const all: Scored[] = [];
    for (const path of present) {
      let scored: Scored[];
      try {
        scored = readCorpus(path).map(score);
      } catch (err) {
        if (err instanceof MalformedCorpusError) {
          console.error(err.message);
          return 1;
        }
        throw err;
      }
      // A split of several files: each file's figures first, then the split as a whole.
      if (present.length > 1) printFigures(`${split.name}: ${path}`, figures(scored));
      all.push(...scored);
    }
    printFigures(present.length > 1 ? `${split.name} (all ${present.length} files)` : split.name, figures(all));
    if (split.showFailures) printFailures(all);
  }
  return 0;
}

process.exitCode = main();
