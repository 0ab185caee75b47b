/**
 * Issue 17 acceptance: core and two gateway processes (separate OS processes, mock puppets,
 * one Redis under a unique prefix). Dispatches go out by the account of their room; killing one
 * gateway makes its urgent messages go through the room's backup account within the configured
 * failover time; starting it again sends nothing twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { outboundQueue } from '../../src/wire/names.js';
import { deleteKeys, tempDir, TEST_REDIS_URL, uniquePrefix } from '../support/env.js';
import { aLead, postLeads } from '../support/leads.js';
import { dispatchesOf, pendingJobs, serviceEnv, startService, transcript, until, type ServiceProcess } from '../support/service.js';

const FAILOVER_AFTER_MS = 3000;
const G1 = '幸福里第一网格工作群'; // east, backed up by west
const G3 = '团结湖第一网格工作群'; // west, backed up by east

/** A gateway process: resolves once it logged "GridGuard gateway is up". */
function startGateway(env: Record<string, string>, bot: string): Promise<{ child: ChildProcess; kill(): Promise<void>; stop(): Promise<void>; output(): string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...env, GRIDGUARD_ROLE: 'gateway', GRIDGUARD_BOT: bot }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway ${bot} not up within 30 s:\n${out.slice(-2000)}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d;
      if (/GridGuard gateway is up/.test(out)) {
        clearTimeout(timer);
        resolve({
          child,
          output: () => out,
          async kill() {
            if (child.exitCode === null) child.kill('SIGKILL');
            await exited;
          },
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`gateway ${bot} exited before it was up:\n${out.slice(-2000)}`)));
  });
}

describe('several accounts: core and two gateway processes', () => {
  const files = tempDir();
  const prefix = uniquePrefix('failover');
  let env: Record<string, string>;
  let core: ServiceProcess;
  const gateways: Record<string, Awaited<ReturnType<typeof startGateway>>> = {};

  beforeAll(async () => {
    const profile = parse(readFileSync('bots/district.yaml', 'utf8'));
    profile.bot.sendInterval = '0ms';
    const calm = { ackWithin: '1h', resolveWithin: '2h', stepEvery: '1h', chain: ['assignee', 'lead'] };
    profile.policy = { urgent: calm, high: calm, medium: calm, low: { ...calm, chain: [] } };
    profile.bots = profile.bots.map((b: any) => ({ ...b, perMinute: 600, roomEvery: '0ms', sendInterval: '0ms', failoverAfter: `${FAILOVER_AFTER_MS}ms` }));
    writeFileSync(join(files.dir, 'fault.yaml'), stringify(profile));
    env = serviceEnv(files.dir, prefix);
    core = await startService({ ...env, GRIDGUARD_ROLE: 'core' });
    [gateways.east, gateways.west] = await Promise.all([startGateway(env, 'east'), startGateway(env, 'west')]);
    // A gateway says it is up before core's account monitor has read its first heartbeat; until
    // then core holds the account down (failing over after 3 s), so a dispatch sent in between
    // may rightly go by the backup. Wait until core has seen both accounts up (it logs the change;
    // an account whose first heartbeat came before core's first check never went down, so the
    // wait gives up quietly after 15 s).
    const seenUp = (bot: string) => {
      const lines = core.output().split('\n').filter((l) => l.includes(`"bot":"${bot}"`) && /account is up|account is back|account is down|account down|not logged in yet/.test(l));
      return lines.length > 0 && /account is up|account is back/.test(lines.at(-1)!);
    };
    await until(() => seenUp('east') && seenUp('west'), 15_000, 'core seeing both accounts up').catch(() => undefined);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(Object.values(gateways).map((g) => g.stop()));
    await core?.stop();
    await deleteKeys(prefix);
    files.cleanup();
  }, 60_000);

  it('sends each dispatch by the account of its room', async () => {
    const { json } = await postLeads(core.url, { leads: [aLead({ unit: 'G1', level: 'high' }), aLead({ unit: 'G3', level: 'high' })] });
    const [g1, g3] = json.results.map((r: { caseId: string }) => r.caseId);
    const sent = await until(async () => {
      const all = await transcript(core.url);
      const a = dispatchesOf(all, g1).group[0];
      const b = dispatchesOf(all, g3).group[0];
      return a && b ? { a, b } : null;
    }, 20_000, 'both dispatches');
    expect(sent.a).toMatchObject({ room: G1, bot: 'east' });
    expect(sent.b).toMatchObject({ room: G3, bot: 'west' });
  }, 30_000);

  it('sends the urgent messages of a killed gateway through the backup account within the failover time, and nothing twice when it returns', async () => {
    await gateways.east!.kill();
    const killedAt = Date.now();
    const { json } = await postLeads(core.url, { leads: [aLead({ unit: 'G1', level: 'urgent' }), aLead({ unit: 'G1', level: 'low' })] });
    const [urgent, low] = json.results.map((r: { caseId: string }) => r.caseId);

    const viaBackup = await until(async () => dispatchesOf(await transcript(core.url), urgent).group[0], FAILOVER_AFTER_MS + 12_000, 'the urgent dispatch through the backup');
    expect(viaBackup).toMatchObject({ room: G1, bot: 'west' });
    // Failover after 3 s without a heartbeat, checked every second, plus the send itself.
    expect(Date.now() - killedAt).toBeLessThan(FAILOVER_AFTER_MS + 10_000);
    // The routine one waits for its own account.
    expect(dispatchesOf(await transcript(core.url), low).group).toHaveLength(0);

    gateways.east = await startGateway(env, 'east');
    const eastQueue = new Queue(outboundQueue('east'), { connection: { url: TEST_REDIS_URL }, prefix });
    try {
      await until(async () => (await pendingJobs(eastQueue)) === 0 && dispatchesOf(await transcript(core.url), low).group.length > 0, 20_000, 'east catches up');
    } finally {
      await eastQueue.close();
    }
    const all = await transcript(core.url);
    expect(dispatchesOf(all, low).group).toEqual([expect.objectContaining({ room: G1, bot: 'east' })]);
    // The original urgent job on east's queue found the message sent by west: sent once.
    expect(dispatchesOf(all, urgent).group).toHaveLength(1);
    expect(dispatchesOf(all, urgent).private).toHaveLength(1);
    const c = (await (await fetch(`${core.url}/api/v1/cases/${urgent}`)).json()) as { status: string };
    expect(c.status).toBe('dispatched');
    expect(core.output()).toMatch(/account down: its urgent and high messages go through the backup accounts/);
  }, 90_000);
});
