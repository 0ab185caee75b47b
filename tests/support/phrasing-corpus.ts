/**
 * The phrasing corpus (tests/corpus/README.md): reading its lines, building the understanding
 * step's context with the README's defaults, and scoring a decision against the expectation.
 * Shared by `npm run eval:phrasing` and tests/unit/understand.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Role } from '../../src/domain/types.js';
import { STATE_CHANGING, understand, type Decision, type OpenCase, type QuoteContext, type RoomKind, type UnderstandContext } from '../../src/domain/understand/index.js';

export interface CorpusLine {
  id: string;
  category: string;
  text: string;
  context: Record<string, unknown>;
  expect: { decision: Decision['kind']; command?: Record<string, unknown> };
}

/** A corpus file that does not follow the README: the script exits non-zero on it. */
export class MalformedCorpusError extends Error {
  override name = 'MalformedCorpusError';
}

/**
 * The training split: the first corpus file and the varied phrasings added to it later (when
 * present; train-field.jsonl was written without reading the parser). Tuning may look at these; tests/corpus/heldout.jsonl is only ever measured.
 */
export const TRAINING_FILES = ['tests/corpus/train.jsonl', 'tests/corpus/train-extra.jsonl', 'tests/corpus/train-adversarial.jsonl', 'tests/corpus/train-field.jsonl', 'tests/corpus/train-phone.jsonl', 'tests/corpus/train-street.jsonl', 'tests/corpus/train-rooms.jsonl', 'tests/corpus/train-traps.jsonl', 'tests/corpus/train-voice.jsonl', 'tests/corpus/train-mirror.jsonl', 'tests/corpus/train-mirror2.jsonl', 'tests/corpus/train-mirror3.jsonl', 'tests/corpus/train-mirror4.jsonl', 'tests/corpus/train-para-a.jsonl', 'tests/corpus/train-para-b.jsonl', 'tests/corpus/train-para-c.jsonl', 'tests/corpus/train-para-d.jsonl', 'tests/corpus/train-para-e.jsonl', 'tests/corpus/train-mirror5.jsonl', 'tests/corpus/train-context.jsonl', 'tests/corpus/train-issue.jsonl', 'tests/corpus/train-leads.jsonl', 'tests/corpus/train-quiet.jsonl', 'tests/corpus/train-notices.jsonl', 'tests/corpus/train-mirror6.jsonl', 'tests/corpus/train-mirror7.jsonl', 'tests/corpus/train-mirror8.jsonl', 'tests/corpus/train-mirror9.jsonl', 'tests/corpus/train-mirror10.jsonl', 'tests/corpus/train-quiet2.jsonl', 'tests/corpus/train-mirror11.jsonl', 'tests/corpus/train-quiet3.jsonl', 'tests/corpus/train-mirror12.jsonl', 'tests/corpus/train-mirror14.jsonl', 'tests/corpus/train-mirror13.jsonl', 'tests/corpus/train-quiet4.jsonl', 'tests/corpus/train-mirror15.jsonl', 'tests/corpus/train-mirror16.jsonl', 'tests/corpus/train-quiet5.jsonl', 'tests/corpus/train-mirror17.jsonl', 'tests/corpus/train-mirror18.jsonl', 'tests/corpus/train-mirror19.jsonl', 'tests/corpus/train-mirror20.jsonl', 'tests/corpus/train-mirror21.jsonl', 'tests/corpus/train-mirror22.jsonl', 'tests/corpus/train-quiet7.jsonl', 'tests/corpus/train-quiet8.jsonl', 'tests/corpus/train-mirror23.jsonl', 'tests/corpus/train-quiet9.jsonl', 'tests/corpus/train-mirror24.jsonl', 'tests/corpus/train-mirror25.jsonl', 'tests/corpus/train-mirror26.jsonl', 'tests/corpus/train-mirror27.jsonl', 'tests/corpus/train-quiet12.jsonl', 'tests/corpus/train-duty.jsonl', 'tests/corpus/train-quiet13.jsonl', 'tests/corpus/train-mirror28.jsonl', 'tests/corpus/train-mirror29.jsonl', 'tests/corpus/train-quiet14.jsonl', 'tests/corpus/train-mirror30.jsonl', 'tests/corpus/train-mirror31.jsonl', 'tests/corpus/train-quiet15.jsonl', 'tests/corpus/train-mirror32.jsonl', 'tests/corpus/train-quiet16.jsonl', 'tests/corpus/train-mirror33.jsonl', 'tests/corpus/train-quiet17.jsonl', 'tests/corpus/train-mirror34.jsonl', 'tests/corpus/train-mirror35.jsonl', 'tests/corpus/train-quiet18.jsonl', 'tests/corpus/train-mirror36.jsonl', 'tests/corpus/train-mirror37.jsonl', 'tests/corpus/train-mirror38.jsonl', 'tests/corpus/train-mirror39.jsonl', 'tests/corpus/train-mirror40.jsonl', 'tests/corpus/train-mirror41.jsonl', 'tests/corpus/train-mirror42.jsonl', 'tests/corpus/train-mirror43.jsonl', 'tests/corpus/train-mirror44.jsonl', 'tests/corpus/train-quiet19.jsonl', 'tests/corpus/train-quiet20.jsonl', 'tests/corpus/train-mirror45.jsonl', 'tests/corpus/train-mirror46.jsonl', 'tests/corpus/train-mirror47.jsonl', 'tests/corpus/train-mirror48.jsonl', 'tests/corpus/train-mirror49.jsonl', 'tests/corpus/train-mirror50.jsonl', 'tests/corpus/train-quiet21.jsonl', 'tests/corpus/train-mirror51.jsonl', 'tests/corpus/train-mirror52.jsonl', 'tests/corpus/train-mirror53.jsonl', 'tests/corpus/train-quiet22.jsonl', 'tests/corpus/train-quiet23.jsonl', 'tests/corpus/train-mirror54.jsonl', 'tests/corpus/train-mirror55.jsonl', 'tests/corpus/train-mirror56.jsonl', 'tests/corpus/train-mirror59.jsonl', 'tests/corpus/train-mirror58.jsonl', 'tests/corpus/train-quiet24.jsonl', 'tests/corpus/train-mirror57.jsonl', 'tests/corpus/train-quiet25.jsonl', 'tests/corpus/train-mirror61.jsonl', 'tests/corpus/train-mirror60.jsonl', 'tests/corpus/train-mirror62.jsonl', 'tests/corpus/train-mirror63.jsonl', 'tests/corpus/train-quiet26.jsonl', 'tests/corpus/train-quiet27.jsonl', 'tests/corpus/train-mirror66.jsonl', 'tests/corpus/train-mirror65.jsonl', 'tests/corpus/train-quiet28.jsonl', 'tests/corpus/train-mirror64.jsonl', 'tests/corpus/train-quiet29.jsonl', 'tests/corpus/train-mirror67.jsonl', 'tests/corpus/train-mirror68.jsonl', 'tests/corpus/train-quiet30.jsonl', 'tests/corpus/train-quiet31.jsonl', 'tests/corpus/train-quiet32.jsonl', 'tests/corpus/train-mirror69.jsonl', 'tests/corpus/train-mirror70.jsonl', 'tests/corpus/train-quiet33.jsonl', 'tests/corpus/train-quiet34.jsonl', 'tests/corpus/train-mirror71.jsonl', 'tests/corpus/train-mirror72.jsonl', 'tests/corpus/train-quiet35.jsonl', 'tests/corpus/train-mirror73.jsonl', 'tests/corpus/train-mirror74.jsonl', 'tests/corpus/train-quiet36.jsonl', 'tests/corpus/train-quiet38.jsonl', 'tests/corpus/train-quiet37.jsonl', 'tests/corpus/train-mirror75.jsonl', 'tests/corpus/train-mirror76.jsonl', 'tests/corpus/train-quiet39.jsonl', 'tests/corpus/train-quiet40.jsonl', 'tests/corpus/train-mirror77.jsonl', 'tests/corpus/train-mirror78.jsonl', 'tests/corpus/train-quiet42.jsonl', 'tests/corpus/train-mirror79.jsonl', 'tests/corpus/train-mirror80.jsonl', 'tests/corpus/train-quiet41.jsonl', 'tests/corpus/train-quiet43.jsonl', 'tests/corpus/train-quiet44.jsonl', 'tests/corpus/train-mirror81.jsonl', 'tests/corpus/train-mirror82.jsonl', 'tests/corpus/train-quiet45.jsonl', 'tests/corpus/train-mirror83.jsonl', 'tests/corpus/train-quiet46.jsonl', 'tests/corpus/train-mirror84.jsonl', 'tests/corpus/train-quiet48.jsonl', 'tests/corpus/train-mirror85.jsonl', 'tests/corpus/train-mirror86.jsonl', 'tests/corpus/train-quiet47.jsonl', 'tests/corpus/train-quiet50.jsonl', 'tests/corpus/train-quiet49.jsonl', 'tests/corpus/train-mirror87.jsonl', 'tests/corpus/train-mirror88.jsonl', 'tests/corpus/train-mirror89.jsonl', 'tests/corpus/train-mirror90.jsonl', 'tests/corpus/train-quiet52.jsonl', 'tests/corpus/train-quiet53.jsonl', 'tests/corpus/train-mirror91.jsonl', 'tests/corpus/train-mirror92.jsonl', 'tests/corpus/train-mirror93.jsonl', 'tests/corpus/train-mirror94.jsonl', 'tests/corpus/train-mirror95.jsonl', 'tests/corpus/train-mirror96.jsonl', 'tests/corpus/train-quiet54.jsonl', 'tests/corpus/train-mirror97.jsonl', 'tests/corpus/train-mirror98.jsonl', 'tests/corpus/train-mirror99.jsonl', 'tests/corpus/train-mirror100.jsonl', 'tests/corpus/train-mirror101.jsonl', 'tests/corpus/train-quiet56.jsonl', 'tests/corpus/train-quiet55.jsonl', 'tests/corpus/train-mirror102.jsonl', 'tests/corpus/train-mirror103.jsonl', 'tests/corpus/train-mirror104.jsonl', 'tests/corpus/train-mirror105.jsonl', 'tests/corpus/train-quiet58.jsonl', 'tests/corpus/train-quiet57.jsonl', 'tests/corpus/train-mirror107.jsonl', 'tests/corpus/train-mirror106.jsonl', 'tests/corpus/train-mirror108.jsonl', 'tests/corpus/train-mirror109.jsonl', 'tests/corpus/train-quiet59.jsonl', 'tests/corpus/train-quiet60.jsonl', 'tests/corpus/train-mirror110.jsonl', 'tests/corpus/train-mirror111.jsonl', 'tests/corpus/train-mirror112.jsonl', 'tests/corpus/train-mirror113.jsonl', 'tests/corpus/train-quiet61.jsonl', 'tests/corpus/train-quiet62.jsonl', 'tests/corpus/train-mirror114.jsonl', 'tests/corpus/train-mirror115.jsonl', 'tests/corpus/train-mirror116.jsonl', 'tests/corpus/train-mirror117.jsonl', 'tests/corpus/train-quiet64.jsonl', 'tests/corpus/train-quiet63.jsonl', 'tests/corpus/train-mirror118.jsonl', 'tests/corpus/train-mirror119.jsonl', 'tests/corpus/train-quiet65.jsonl', 'tests/corpus/train-quiet66.jsonl', 'tests/corpus/train-quiet68.jsonl', 'tests/corpus/train-quiet67.jsonl', 'tests/corpus/train-mirror121.jsonl', 'tests/corpus/train-mirror120.jsonl', 'tests/corpus/train-quiet69.jsonl', 'tests/corpus/train-quiet70.jsonl', 'tests/corpus/train-mirror122.jsonl', 'tests/corpus/train-mirror123.jsonl', 'tests/corpus/train-quiet72.jsonl', 'tests/corpus/train-quiet71.jsonl', 'tests/corpus/train-mirror124.jsonl', 'tests/corpus/train-mirror125.jsonl', 'tests/corpus/train-quiet74.jsonl', 'tests/corpus/train-quiet73.jsonl', 'tests/corpus/train-mirror126.jsonl', 'tests/corpus/train-mirror127.jsonl', 'tests/corpus/train-quiet75.jsonl', 'tests/corpus/train-quiet76.jsonl', 'tests/corpus/train-mirror128.jsonl', 'tests/corpus/train-mirror129.jsonl', 'tests/corpus/train-quiet78.jsonl', 'tests/corpus/train-mirror130.jsonl', 'tests/corpus/train-quiet77.jsonl', 'tests/corpus/train-mirror131.jsonl', 'tests/corpus/train-quiet79.jsonl', 'tests/corpus/train-quiet80.jsonl', 'tests/corpus/train-mirror133.jsonl', 'tests/corpus/train-mirror132.jsonl', 'tests/corpus/train-quiet81.jsonl', 'tests/corpus/train-quiet82.jsonl', 'tests/corpus/train-quiet84.jsonl', 'tests/corpus/train-quiet85.jsonl', 'tests/corpus/train-quiet86.jsonl', 'tests/corpus/train-quiet83.jsonl', 'tests/corpus/train-mirror134.jsonl', 'tests/corpus/train-mirror135.jsonl', 'tests/corpus/train-quiet87.jsonl', 'tests/corpus/train-quiet89.jsonl', 'tests/corpus/train-quiet88.jsonl', 'tests/corpus/train-quiet90.jsonl', 'tests/corpus/train-quiet91.jsonl', 'tests/corpus/train-mirror137.jsonl', 'tests/corpus/train-mirror138.jsonl', 'tests/corpus/train-mirror136.jsonl', 'tests/corpus/train-quiet95.jsonl', 'tests/corpus/train-quiet92.jsonl', 'tests/corpus/train-quiet94.jsonl', 'tests/corpus/train-mirror141.jsonl', 'tests/corpus/train-mirror142.jsonl', 'tests/corpus/train-quiet93.jsonl', 'tests/corpus/train-mirror139.jsonl', 'tests/corpus/train-mirror140.jsonl', 'tests/corpus/train-quiet96.jsonl', 'tests/corpus/train-quiet97.jsonl', 'tests/corpus/train-quiet98.jsonl', 'tests/corpus/train-quiet99.jsonl', 'tests/corpus/train-mirror143.jsonl', 'tests/corpus/train-mirror144.jsonl', 'tests/corpus/train-mirror145.jsonl', 'tests/corpus/train-mirror146.jsonl', 'tests/corpus/train-quiet102.jsonl', 'tests/corpus/train-quiet100.jsonl', 'tests/corpus/train-quiet103.jsonl', 'tests/corpus/train-mirror147.jsonl', 'tests/corpus/train-quiet101.jsonl', 'tests/corpus/train-mirror148.jsonl', 'tests/corpus/train-mirror149.jsonl', 'tests/corpus/train-mirror150.jsonl', 'tests/corpus/train-quiet107.jsonl', 'tests/corpus/train-quiet105.jsonl', 'tests/corpus/train-quiet104.jsonl', 'tests/corpus/train-mirror151.jsonl', 'tests/corpus/train-mirror152.jsonl', 'tests/corpus/train-mirror153.jsonl', 'tests/corpus/train-mirror154.jsonl', 'tests/corpus/train-quiet106.jsonl', 'tests/corpus/train-quiet109.jsonl', 'tests/corpus/train-quiet111.jsonl', 'tests/corpus/train-quiet108.jsonl', 'tests/corpus/train-quiet110.jsonl', 'tests/corpus/train-mirror155.jsonl', 'tests/corpus/train-mirror156.jsonl', 'tests/corpus/train-mirror157.jsonl', 'tests/corpus/train-mirror158.jsonl', 'tests/corpus/train-quiet112.jsonl', 'tests/corpus/train-quiet113.jsonl', 'tests/corpus/train-quiet114.jsonl', 'tests/corpus/train-quiet115.jsonl', 'tests/corpus/train-mirror159.jsonl', 'tests/corpus/train-mirror160.jsonl', 'tests/corpus/train-mirror161.jsonl', 'tests/corpus/train-mirror162.jsonl', 'tests/corpus/train-notes1.jsonl', 'tests/corpus/train-notes2.jsonl', 'tests/corpus/train-notes3.jsonl', 'tests/corpus/train-notes4.jsonl', 'tests/corpus/train-notes5.jsonl', 'tests/corpus/train-notes6.jsonl', 'tests/corpus/train-notes7.jsonl', 'tests/corpus/train-notes8.jsonl', 'tests/corpus/train-notes9.jsonl', 'tests/corpus/train-notes10.jsonl', 'tests/corpus/train-notes11.jsonl', 'tests/corpus/train-notes12.jsonl', 'tests/corpus/train-notes13.jsonl', 'tests/corpus/train-notes14.jsonl', 'tests/corpus/train-notes15.jsonl', 'tests/corpus/train-notes16.jsonl', 'tests/corpus/train-notes17.jsonl', 'tests/corpus/train-notes18.jsonl', 'tests/corpus/train-mirror163.jsonl', 'tests/corpus/train-mirror164.jsonl', 'tests/corpus/train-mirror165.jsonl', 'tests/corpus/train-mirror166.jsonl', 'tests/corpus/train-mirror167.jsonl', 'tests/corpus/train-mirror168.jsonl', 'tests/corpus/train-notes19.jsonl', 'tests/corpus/train-notes20.jsonl', 'tests/corpus/train-notes21.jsonl', 'tests/corpus/train-notes22.jsonl', 'tests/corpus/train-mirror169.jsonl', 'tests/corpus/train-notes23.jsonl', 'tests/corpus/train-alerts1.jsonl', 'tests/corpus/train-relay1.jsonl', 'tests/corpus/train-push1.jsonl', 'tests/corpus/train-push2.jsonl', 'tests/corpus/train-mirror170.jsonl', 'tests/corpus/train-mirror171.jsonl', 'tests/corpus/train-notices2.jsonl', 'tests/corpus/train-relay2.jsonl', 'tests/corpus/train-mirror172.jsonl', 'tests/corpus/train-mirror174.jsonl', 'tests/corpus/train-mirror175.jsonl'] as const;

const DECISIONS = new Set(['act', 'confirm', 'refuse', 'ignore']);

/** Reads a .jsonl corpus file; throws MalformedCorpusError naming the line that is wrong. */
export function readCorpus(path: string): CorpusLine[] {
  const lines: CorpusLine[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let v: unknown;
      try {
        v = JSON.parse(raw);
      } catch {
        throw new MalformedCorpusError(`${path}:${i + 1}: not JSON`);
      }
      const o = v as Partial<CorpusLine> | null;
      if (!o || typeof o.text !== 'string' || typeof o.category !== 'string' || !o.expect || !DECISIONS.has(o.expect.decision)) {
        throw new MalformedCorpusError(`${path}:${i + 1}: needs text, category and expect.decision (act|confirm|refuse|ignore)`);
      }
      lines.push({ id: String(o.id ?? `${path}:${i + 1}`), category: o.category, text: o.text, context: (o.context ?? {}) as Record<string, unknown>, expect: o.expect });
    });
  return lines;
}

/** The demo profile's roster (bots/demo.yaml), which the corpus's names come from. */
const DEMO_MEMBERS: { name: string; role: Role }[] = [
  ...['李网格', '周网格', '陈网格', '刘网格', '吴网格'].map((name) => ({ name, role: 'worker' as const })),
  ...['王社区', '郑社区'].map((name) => ({ name, role: 'lead' as const })),
  ...['赵督导', '钱警官'].map((name) => ({ name, role: 'supervisor' as const })),
  { name: '冯中心', role: 'operator' },
  ...['孙志愿', '马志愿', '何志愿'].map((name) => ({ name, role: 'volunteer' as const })),
  { name: '林管理', role: 'admin' },
];

const DEFAULT_ROOM: Record<string, RoomKind> = { worker: 'tasks', lead: 'supervision', supervisor: 'supervision', operator: 'supervision', admin: 'supervision', volunteer: 'volunteers', stranger: 'private' };

/** The context of a corpus line, with the README's defaults. */
export function contextOf(line: CorpusLine): UnderstandContext {
  const c = line.context;
  const role = (c.role as UnderstandContext['role'] | undefined) ?? 'worker';
  const openDefault: OpenCase[] = role === 'worker' ? [{ id: 'Q7RT', level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }] : [];
  return {
    role,
    room: (c.room as RoomKind | undefined) ?? DEFAULT_ROOM[role] ?? 'tasks',
    mention: c.mention === true,
    openCases: (c.openCases as OpenCase[] | undefined) ?? openDefault,
    visibleCases: (c.visibleCases as string[] | undefined) ?? ['X6CU', 'K7Q2'],
    quote: (c.quote as QuoteContext | null | undefined) ?? null,
    pushIsLatest: c.pushIsLatest === true,
    pendingConfirmation: c.pendingConfirmation === true,
    ...(c.pendingSwap === true ? { pendingSwap: true } : {}),
    botName: '网格哨兵',
    members: (c.members as { name: string; role: Role }[] | undefined) ?? DEMO_MEMBERS,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when every field the line lists matches the command the decision carries. */
export function commandMatches(expected: Record<string, unknown> | undefined, got: Decision): boolean {
  if (got.kind !== 'act' && got.kind !== 'confirm') return false;
  if (!expected) return true;
  const cmd = got.command as Record<string, unknown>;
  // A field the command carries as null matches an expected null (member: null is the sender).
  return Object.entries(expected).every(([k, v]) => sameValue(k in cmd && cmd[k] !== undefined ? cmd[k] : k === 'approximate' || k === 'alsoReported' ? false : undefined, v));
}

export interface Scored {
  line: CorpusLine;
  got: Decision;
  correct: boolean;
  /** The line expects act or confirm. */
  isCommand: boolean;
  /** Act, or a correct confirm, where act was expected; a correct confirm where confirm was. */
  understood: boolean;
  wrongStateChange: boolean;
  chatterReply: boolean;
}

/** Runs the understanding step on one line and scores it. */
export function score(line: CorpusLine): Scored {
  const got = understand(line.text, contextOf(line));
  const exp = line.expect;
  const matches = commandMatches(exp.command, got);
  const correct = got.kind === exp.decision && (got.kind === 'refuse' || got.kind === 'ignore' || matches);
  const isCommand = exp.decision === 'act' || exp.decision === 'confirm';
  const understood = isCommand && matches && (got.kind === exp.decision || (exp.decision === 'act' && got.kind === 'confirm'));
  const wrongStateChange = got.kind === 'act' && STATE_CHANGING.has(got.command.kind) && !(exp.decision === 'act' && matches);
  const chatterReply = exp.decision === 'ignore' && got.kind !== 'ignore';
  return { line, got, correct, isCommand, understood, wrongStateChange, chatterReply };
}

export interface Figures {
  total: number;
  correct: number;
  byCategory: Map<string, { total: number; correct: number }>;
  commands: number;
  understood: number;
  wrongStateChanges: number;
  chatter: number;
  chatterReplies: number;
}

/** Sums scored lines into the figures the report prints. */
export function figures(scored: Scored[]): Figures {
  const byCategory = new Map<string, { total: number; correct: number }>();
  for (const s of scored) {
    const c = byCategory.get(s.line.category) ?? { total: 0, correct: 0 };
    c.total++;
    if (s.correct) c.correct++;
    byCategory.set(s.line.category, c);
  }
  return {
    total: scored.length,
    correct: scored.filter((s) => s.correct).length,
    byCategory,
    commands: scored.filter((s) => s.isCommand).length,
    understood: scored.filter((s) => s.understood).length,
    wrongStateChanges: scored.filter((s) => s.wrongStateChange).length,
    chatter: scored.filter((s) => s.line.expect.decision === 'ignore').length,
    chatterReplies: scored.filter((s) => s.chatterReply).length,
  };
}
