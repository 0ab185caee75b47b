/**
 * Issue 17 in the sandbox: two accounts in one process (bots/district.yaml). The transcript
 * names the account of every bot message, and the fault drill logs one account out to show the
 * failover: its room's urgent dispatch goes through the backup, its members are still heard,
 * and nothing is sent twice when it logs in again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/config.js';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';
import { dispatchesOf, postJson, until } from '../support/service.js';

const G1 = '幸福里第一网格工作群';
const fast = (p: Profile): Profile => ({ ...p, bots: p.bots!.map((b) => ({ ...b, perMinute: 600, roomEveryMs: 0, sendIntervalMs: 0, failoverAfterMs: 1000 })) });

describe('two accounts in the sandbox', () => {
  let sb: SandboxFixture;
  beforeAll(async () => {
    sb = await bootSandbox('sandbox-accounts', { profile: 'bots/district.yaml', tweak: fast });
  });
  afterAll(async () => {
    await sb?.cleanup();
  });

  it('lists the accounts and names the sender of each bot message', async () => {
    const world = (await (await fetch(`${sb.app.url()}/sandbox/world`)).json()) as { bots: { id: string }[] };
    expect(world.bots.map((b: { id: string }) => b.id)).toEqual(['east', 'west']);
    const { json } = await postLeads(sb.app.url(), { leads: [aLead({ unit: 'G1', level: 'high' }), aLead({ unit: 'G3', level: 'high' })] });
    const [g1, g3] = json.results.map((r: { caseId: string }) => r.caseId);
    const both = await until(async () => {
      const all = await sb.messages();
      const a = dispatchesOf(all, g1).group[0];
      const b = dispatchesOf(all, g3).group[0];
      return a && b ? [a, b] : null;
    }, 10_000, 'both dispatches');
    expect(both.map((m) => m.bot)).toEqual(['east', 'west']);
  });

  it('logs one account out from the fault drill; its urgent dispatch goes through the backup, once', async () => {
    const out = await postJson(`${sb.app.url()}/sandbox/bot/logout`, { bot: 'east' });
    expect(out.status).toBe(200);
    const bad = await postJson(`${sb.app.url()}/sandbox/bot/logout`, { bot: 'north' });
    expect(bad.status).toBe(400);
    const { json } = await postLeads(sb.app.url(), aLead({ unit: 'G1', level: 'urgent' }));
    const id = json.results[0].caseId as string;
    const sent = await until(async () => dispatchesOf(await sb.messages(), id).group[0], 10_000, 'the urgent dispatch');
    expect(sent.bot).toBe('west');
    const faults = (await (await fetch(`${sb.app.url()}/sandbox/faults`)).json()) as { bots: unknown[] };
    expect(faults.bots).toContainEqual(expect.objectContaining({ id: 'east', loggedIn: false, failedOver: true }));

    // The room is heard through the backup while its own account is away.
    const ack = await sb.say('李网格', G1, `收到 ${id}`);
    const reply = await until(async () => (await sb.messages(ack)).find((m) => m.bot && m.room === G1 && m.text.includes(id)), 10_000, 'the reply');
    expect(reply.bot).toBe('west');

    expect((await postJson(`${sb.app.url()}/sandbox/bot/login`, { bot: 'east' })).status).toBe(200);
    await until(() => sb.app.accounts().state('east')?.up, 10_000, 'east is up again');
    await until(() => sb.app.core().outbox.backlog().waiting === 0, 10_000, 'nothing waits');
    expect(dispatchesOf(await sb.messages(), id).group).toHaveLength(1);
  });
});
