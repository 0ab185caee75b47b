/**
 * Generated chat messages through the sandbox's entry point (`POST /sandbox/say` → mock puppet
 * → gateway → inbound queue → core), from bound members and from strangers (roster entries
 * whose WeChat identity is not bound), in rooms and privately: random unicode, commands that
 * mix 收到/反馈/督办/撤销/转派/绑定 with real and made-up case ids, subject fields of real cases,
 * and quoted replies in WeChat's shape. Messages are sent without waiting for answers; at the
 * end the bot has answered everything, /healthz is 200, no roster entry was taken over, and no
 * bot message in a group, nor any log line, holds a subject field unmasked.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxContactId } from '../../src/chat/sandbox.js';
import { indexOrg } from '../../src/domain/org.js';
import { formatQuote } from '../../src/domain/text.js';
import { postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';
import { aValidLead, leakedSecrets, secretsOf, waitForOutbox, wholeTranscript, type Secrets } from './generators.js';

const RUNS = 2000;
const WINDOW = 8;
const STRANGERS = [
  { name: '路人甲', role: 'worker' as const, unit: 'G1', bindCode: 'Z9Z9Z9' },
  { name: '路人乙', role: 'volunteer' as const, unit: 'C1' },
];

let sb: SandboxFixture;
const secrets: Secrets = { logs: new Set(), groups: new Set() };
const caseIds: string[] = [];
/** Who may speak where: [member, room topic or 'bot']. */
let places: [string, string][] = [];
/** Bot messages a member could quote, by where they were said. */
const quotable = new Map<string, number[]>();

beforeAll(async () => {
  sb = await bootSandbox('chat-property', { tweak: (p) => ({ ...p, org: { ...p.org, members: [...p.org.members, ...STRANGERS] } }) });
  // Strangers: on the roster, but their WeChat identity is not bound (the sandbox binds everyone).
  sb.app.store().sqlite.prepare(`update members set wechat_id = null, bound_at = null where name in (${STRANGERS.map(() => '?').join(',')})`).run(...STRANGERS.map((s) => s.name));

  const org = indexOrg(sb.config.profile.org);
  for (const lead of fc.sample(aValidLead, { numRuns: 40, seed: 11 })) {
    const { status, json } = await postLeads(sb.app.url(), lead);
    if (status !== 200) continue;
    secretsOf(lead, org, secrets);
    caseIds.push(...(json.results as { caseId: string }[]).map((r) => r.caseId));
  }
  await waitForOutbox(sb.app.store().sqlite, 20_000);

  const world = sb.app.sandbox()!.world();
  places = world.rooms.flatMap((r) => r.members.map((m) => [m, r.topic] as [string, string]));
  places.push(...world.members.map((m) => [m.name, 'bot'] as [string, string]));
  for (const m of await wholeTranscript((after) => sb.messages(after))) {
    if (m.from !== world.bot) continue;
    const where = m.room ?? `private:${m.to}`;
    quotable.set(where, [...(quotable.get(where) ?? []), m.seq]);
  }
});
afterAll(async () => {
  await sb?.cleanup();
});

const COMMANDS = ['收到', '接单', '反馈', '督办', '撤销', '转派', '绑定', '查', '我的', '待办', '统计', '今日', '帮助', '宣传', '更正', '重办', '值班', '请假', '批准', '1', '2'];
const WORDS = ['上门', '电话', '短信', '劝阻成功', '已被骗', '损失5000', '损失3万多', '已报警', '未接通', '拒绝配合', '误报', '原因', '幸福里社区', '摆摊', '80人', '装APP', '25', '老年人', '@网格哨兵', '@李网格', '@王社区', '@路人甲', 'K3P9QX', 'Z9Z9Z9', '000000'];

/** One of `list` (filled in beforeAll), picked by a generated number so a seed replays it. */
const oneOf = <T>(list: () => T[], fallback: T) => fc.nat().map((i) => list()[i % Math.max(1, list().length)] ?? fallback);

const aRealCaseId = oneOf(() => caseIds, 'K7Q2');
const aCaseId = fc.oneof(
  aRealCaseId,
  aRealCaseId.map((id) => id.toLowerCase()),
  aRealCaseId.map((id) => [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')),
  fc.stringMatching(/^[A-Z][A-Z0-9]{3,5}$/),
);
/** Subject fields of real cases typed into chat (a worker pasting a phone number). */
const aSubjectField = oneOf(() => [...secrets.logs], '13800001111');

const aWord = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMANDS) },
  { weight: 4, arbitrary: aCaseId },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: aSubjectField },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const aSeparator = fc.constantFrom(' ', '', '\u3000', '，', '\n', '  ', '\u2005');
const aCommandLike = fc.tuple(fc.array(aWord, { minLength: 1, maxLength: 6 }), aSeparator).map(([words, sep]) => words.join(sep));
/** A quoted reply typed in WeChat's shape (the real quotes go through quoteSeq). */
const aTypedQuote = fc
  .tuple(fc.constantFrom('网格哨兵', '李网格', '陌生人', ''), fc.oneof(aCommandLike, fc.string({ unit: 'grapheme', maxLength: 40 })), aCommandLike)
  .map(([sender, quoted, reply]) => formatQuote(sender, quoted, reply));

const aText = fc
  .oneof({ weight: 6, arbitrary: aCommandLike }, { weight: 2, arbitrary: aTypedQuote }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) }, { weight: 1, arbitrary: fc.string({ maxLength: 1990 }) })
  .filter((t) => t.trim() !== '' && t.length <= 2000);

interface Said {
  place: [string, string];
  text: string;
  /** Quote a bot message of the same chat (the n-th), or not. */
  quote: number | false;
  image: boolean;
}
const aMessage: fc.Arbitrary<Said> = fc.record({
  place: oneOf(() => places, ['李网格', 'bot'] as [string, string]),
  text: aText,
  quote: fc.oneof(fc.constant(false as const), fc.nat()),
  image: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
});

async function say(m: Said): Promise<number> {
  const [from, where] = m.place;
  const key = where === 'bot' ? `private:${from}` : where;
  const seqs = quotable.get(key) ?? [];
  const quoteSeq = m.quote !== false && seqs.length ? seqs[m.quote % seqs.length] : undefined;
  return sb.say(from, where, m.text, quoteSeq, m.image || undefined);
}

describe('generated chat messages through the sandbox', () => {
  it(`keep the bot answering and leak no subject field (${RUNS} messages)`, async () => {
    expect(caseIds.length).toBeGreaterThan(10);
    const t0 = Date.now();
    let sent = 0;
    // Up to WINDOW messages in flight: each is sent without waiting for the one before (nor
    // for any answer of the bot), as a busy group chat is.
    const inFlight = new Set<Promise<void>>();
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(aMessage, async (m) => {
        if (inFlight.size >= WINDOW) await Promise.race(inFlight);
        const p: Promise<void> = say(m).then(
          () => {},
          (err: Error) => void failures.push(`${m.place.join(' → ')}: ${JSON.stringify(m.text.slice(0, 80))}: ${err.message}`),
        );
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
        sent += 1;
        if (sent % 500 === 0) {
          const health = await fetch(`${sb.app.url()}/healthz`);
          // It answers: 200, or 503 with its reason while a backlog waits.
          expect([200, 503]).toContain(health.status);
        }
      }),
      { numRuns: RUNS },
    );
    await Promise.all(inFlight);
    expect(failures, 'messages the sandbox refused').toEqual([]);
    const said = Date.now() - t0;

    // Every message said reaches the core exactly once (its id is recorded when handled);
    // then the answers are sent.
    const last = await sb.say('李网格', 'bot', '帮助');
    const handledCount = sb.app.store().sqlite.prepare('select count(*) as n from inbound_messages where processed_at is not null');
    const until = Date.now() + 90_000;
    let n = 0;
    while ((n = (handledCount.get() as { n: number }).n) < RUNS + 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(n, 'messages handled by the core').toBe(RUNS + 1);
    // And it still answers.
    await sb.botMessage((m) => m.to === '李网格', last, 10_000);
    await waitForOutbox(sb.app.store().sqlite, 60_000);
    const handled = Date.now() - t0;

    const health = await fetch(`${sb.app.url()}/healthz`);
    expect(health.status, await health.text()).toBe(200);

    const bound = sb.app.store().sqlite.prepare('select name, wechat_id as wechatId from members').all() as { name: string; wechatId: string | null }[];
    const strangers = new Set(STRANGERS.map((s) => s.name));
    expect(bound.filter((m) => !strangers.has(m.name) && m.wechatId !== sandboxContactId(m.name)), 'a roster entry taken over by chat').toEqual([]);

    const messages = await wholeTranscript((after) => sb.messages(after));
    const botName = sb.config.profile.bot.name;
    // Strangers were answered, and one whose identity is still unbound never got a record.
    expect(messages.some((m) => m.from === botName && STRANGERS.some((s) => m.to === s.name))).toBe(true);
    for (const s of STRANGERS) {
      if (bound.some((m) => m.wechatId === sandboxContactId(s.name))) continue;
      const toStranger = messages.filter((m) => m.from === botName && m.to === s.name).map((m) => m.text);
      expect(leakedSecrets(toStranger, secrets.logs), `a record sent privately to the unbound ${s.name}`).toEqual([]);
    }
    const botInGroups = messages.filter((m) => m.room !== null && m.from === sb.config.profile.bot.name);
    // The check can see a leak: private records hold the full fields.
    expect(leakedSecrets(messages.filter((m) => m.room === null && m.from === sb.config.profile.bot.name).map((m) => m.text), secrets.groups).length).toBeGreaterThan(0);
    // The bot may repeat what a member typed in the same room (a 撤销 reason, a word it did not
    // understand); it must never bring a subject field there from anywhere else.
    const typedIn = new Map<string, string[]>();
    const leaks = [];
    for (const m of messages) {
      if (m.room === null) continue;
      if (m.from !== sb.config.profile.bot.name) typedIn.set(m.room, [...(typedIn.get(m.room) ?? []), m.text]);
      else leaks.push(...leakedSecrets([m.text], secrets.groups).filter((l) => leakedSecrets(typedIn.get(m.room!) ?? [], new Set([l.secret])).length === 0).map((l) => ({ ...l, room: m.room })));
    }
    expect(leaks, 'unmasked subject fields in a group').toEqual([]);
    expect(leakedSecrets(sb.logs.lines, secrets.logs), 'subject fields or message text in the log').toEqual([]);
    console.info(`chat property: ${RUNS} messages said in ${said} ms, all handled after ${handled} ms; ${botInGroups.length} bot messages in groups, ${messages.length} in the transcript`);
  }, 180_000);
});
