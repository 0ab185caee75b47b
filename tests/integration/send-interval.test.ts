/** The anti-ban rule: one bot account sends at most one message per `bot.sendInterval` (NOTES.md "Bans"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const INTERVAL = 400;
let sb: SandboxFixture;
beforeAll(async () => {
  sb = await bootSandbox('send-interval', { tweak: (p) => ({ ...p, bot: { ...p.bot, sendInterval: INTERVAL } }) });
});
afterAll(async () => {
  await sb?.cleanup();
});

describe('sending', () => {
  it('spaces the bot’s messages by at least the send interval, even in a burst', async () => {
    const before = (await sb.messages()).at(-1)?.seq ?? 0;
    const { json } = await postLeads(sb.app.url(), { leads: [aLead({ unit: 'G1' }), aLead({ unit: 'G2' }), aLead({ unit: 'G3' })] });
    const ids = json.results.map((r: { caseId: string }) => r.caseId as string);
    // Three leads make six messages; wait for the last private one.
    await Promise.all(ids.map((id: string) => sb.botMessage((m) => m.to !== null && m.text.includes(`${id} 完整信息`), before, 15_000)));
    const sent = (await sb.messages(before)).filter((m) => m.from === '网格哨兵').map((m) => Date.parse(m.at));
    expect(sent).toHaveLength(6);
    const gaps = sent.slice(1).map((t, i) => t - sent[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(INTERVAL - 20);
  });
});
