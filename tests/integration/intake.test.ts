/**
 * Intake and dispatch through the real path: HTTP → SQLite (case, events, outbox in one
 * transaction) → relay → BullMQ on Redis → gateway → mock puppet.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outbox } from '../../src/store/schema.js';
import { aLead, getCase, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const TASK_ROOM = '幸福里第一网格工作群';
let sb: SandboxFixture;

beforeAll(async () => {
  sb = await bootSandbox('intake');
});
afterAll(async () => {
  vi.restoreAllMocks();
  await sb?.cleanup();
});

/** Posts a lead for another grid and waits for its group message: everything queued before it is out. */
async function barrier(): Promise<void> {
  const { json } = await postLeads(sb.app.url(), aLead({ unit: 'G4', level: 'low' }));
  const id = json.results[0].caseId as string;
  await sb.botMessage((m) => m.room === '团结湖第二网格工作群' && m.text.includes(id), 0, 10_000);
}

async function messagesAbout(caseId: string) {
  return (await sb.messages()).filter((m) => m.from === '网格哨兵' && m.text.includes(caseId));
}

describe('an urgent lead', () => {
  it('reaches the task room masked with an @-mention and the assignee privately in full, within 2 s', async () => {
    const t0 = Date.now();
    const lead = aLead({ subject: { name: '张建国', phone: '13912345678' } });
    const { status, json } = await postLeads(sb.app.url(), lead);
    expect(status).toBe(200);
    const { caseId, status: outcome } = json.results[0];
    expect(outcome).toBe('created');
    expect(caseId).toMatch(/^[A-Z][A-Z0-9]{3,5}$/);

    const group = await sb.botMessage((m) => m.room === TASK_ROOM && m.text.includes(caseId), 0, 2000);
    const assignee = /^@(\S+)/.exec(group.text)![1]!;
    const dm = await sb.botMessage((m) => m.to === assignee && m.text.includes(caseId), 0, 2000);
    expect(Date.now() - t0).toBeLessThan(2000);

    expect(['李网格', '周网格']).toContain(assignee);
    expect(group.text.split('\n')[0]).toMatch(new RegExp(`^@${assignee}\\s+【紧急预警】${caseId}`));
    expect(group.text).toContain('张**');
    expect(group.text).toContain('139****5678');
    expect(group.text).toContain('幸福里小区3号楼');
    expect(group.text).toContainNoneOf(['13912345678', '张建国', '2单元501']);
    expect(group.text).toMatch(/5分钟内（\d\d:\d\d前）回复“收到 /);

    expect(dm.text).toContain('张建国');
    expect(dm.text).toContain('13912345678');
    expect(dm.text).toContain('朝阳区幸福里小区3号楼2单元501');
  });

  it('is shown by the case API with its trail', async () => {
    const { json } = await postLeads(sb.app.url(), aLead({ level: '高危', assignee: '周网格' }));
    const { status, json: view } = await getCase(sb.app.url(), json.results[0].caseId.toLowerCase());
    expect(status).toBe(200);
    expect(view).toMatchObject({
      caseId: json.results[0].caseId,
      level: 'high',
      unit: 'G1',
      status: 'dispatched',
      assignee: '周网格',
      acknowledgedAt: null,
      resolvedAt: null,
      outcome: null,
      attempts: 0,
      escalationStep: 0,
      subject: { name: '张建国' },
    });
    expect(view.events.map((e: { type: string; actor: string }) => [e.type, e.actor])).toEqual([
      ['created', 'system'],
      ['dispatched', 'system'],
    ]);
    expect((await getCase(sb.app.url(), 'NOPE9')).status).toBe(404);
  });

  it('goes to the worker with fewer open cases', async () => {
    const openOf = (name: string) =>
      (sb.app.store().sqlite.prepare(`select count(*) as n from cases c join members m on m.id = c.assignee_id where m.name = ? and c.status in ('new','dispatched','acknowledged')`).get(name) as { n: number }).n;
    // Make the load unequal first, then see the next lead go to the less loaded worker.
    const heavier = openOf('李网格') >= openOf('周网格') ? '李网格' : '周网格';
    const lighter = heavier === '李网格' ? '周网格' : '李网格';
    await postLeads(sb.app.url(), aLead({ level: 'low', assignee: heavier }));
    expect(openOf(heavier)).toBeGreaterThan(openOf(lighter));
    const { json } = await postLeads(sb.app.url(), aLead({ level: 'medium' }));
    expect((await getCase(sb.app.url(), json.results[0].caseId)).json.assignee).toBe(lighter);
  });
});

describe('a batch', () => {
  it('with one bad lead stores nothing and names the bad field; the good ones alone are created', async () => {
    const good1 = aLead({ level: 'high' });
    const good2 = aLead({ level: 'low', unit: 'G2' });
    const bad = aLead({ subject: { phone: '12345' } });
    const { status, json } = await postLeads(sb.app.url(), { leads: [good1, bad, good2] });
    expect(status).toBe(400);
    expect(json.errors).toEqual([{ index: 1, field: 'subject.phone', message: expect.stringContaining('mobile') }]);
    const count = sb.app.store().sqlite.prepare('select count(*) as n from case_leads where external_id in (?, ?)').get(good1.externalId, good2.externalId) as { n: number };
    expect(count.n).toBe(0);

    const again = await postLeads(sb.app.url(), { leads: [good1, good2] });
    expect(again.status).toBe(200);
    expect(again.json.results.map((r: { status: string }) => r.status)).toEqual(['created', 'created']);
  });

  it('lists every problem of every lead', async () => {
    const { status, json } = await postLeads(sb.app.url(), {
      leads: [
        { ...aLead(), level: 'critical', unit: 'G9' },
        { ...aLead(), amountAtRisk: -5, subject: { name: '', phone: '13900000000', address: 'x' } },
      ],
    });
    expect(status).toBe(400);
    expect(json.errors.map((e: { index: number; field: string }) => `${e.index}:${e.field}`).sort()).toEqual(['0:level', '0:unit', '1:amountAtRisk', '1:subject.name']);
  });

  it('refuses a body over the size limit with a 413 and stores nothing', async () => {
    const leads: Record<string, unknown>[] = [{ ...aLead(), attachment: 'x'.repeat(3 * 1024 * 1024) }];
    const res = await fetch(`${sb.app.url()}/api/v1/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ leads }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error).toContain('too large');
    const ids = leads.map((l) => l.externalId as string);
    const stored = sb.app.store().sqlite.prepare(`select count(*) as n from case_leads where external_id in (${ids.map(() => '?').join(',')})`).get(...ids) as { n: number };
    expect(stored.n).toBe(0);
  });

  it('requires the bearer token when INTAKE_TOKEN is set', async () => {
    const guarded = await bootSandbox('intake-token', { env: { INTAKE_TOKEN: 'secret-token' } });
    try {
      expect((await postLeads(guarded.app.url(), aLead())).status).toBe(401);
      expect((await postLeads(guarded.app.url(), aLead(), 'wrong')).status).toBe(401);
      const ok = await postLeads(guarded.app.url(), aLead(), 'secret-token');
      expect(ok.status).toBe(200);
      expect((await getCase(guarded.app.url(), ok.json.results[0].caseId)).status).toBe(401);
      expect((await getCase(guarded.app.url(), ok.json.results[0].caseId, 'secret-token')).status).toBe(200);
      expect((await fetch(`${guarded.app.url()}/healthz`)).status).toBe(200);
    } finally {
      await guarded.cleanup();
    }
  });

  it('refuses a body that is not JSON with a 400', async () => {
    const res = await fetch(`${sb.app.url()}/api/v1/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].field).toBe('(body)');
  });
});

describe('idempotency and repeat warnings', () => {
  it('gives one case and one group message for the same externalId twice', async () => {
    const lead = aLead({ level: 'high' });
    const first = await postLeads(sb.app.url(), lead);
    const second = await postLeads(sb.app.url(), lead);
    const caseId = first.json.results[0].caseId;
    expect(second.json.results[0]).toEqual({ externalId: lead.externalId, caseId, status: 'duplicate' });
    await barrier();
    expect((await messagesAbout(caseId)).filter((m) => m.room === TASK_ROOM)).toHaveLength(1);
  });

  it('merges a second lead for the same phone into the open case and raises its level', async () => {
    const phone = '13987654321';
    const first = await postLeads(sb.app.url(), aLead({ level: 'medium', subject: { phone }, assignee: '李网格' }));
    const caseId = first.json.results[0].caseId;
    const second = await postLeads(sb.app.url(), aLead({ level: 'urgent', subject: { phone: '139 8765 4321' }, category: '虚假投资理财', amountAtRisk: 200000 }));
    expect(second.json.results[0]).toMatchObject({ caseId, status: 'merged' });

    const view = (await getCase(sb.app.url(), caseId)).json;
    expect(view.level).toBe('urgent');
    expect(view.amountAtRisk).toBe(200000);
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['created', 'dispatched', 'merged', 'level_raised']);
    expect(new Date(view.ackDueAt).getTime() - new Date(view.events[2].at).getTime()).toBe(5 * 60_000);

    const dm = await sb.botMessage((m) => m.to === '李网格' && m.text.includes(`【紧急再次预警】${caseId}`));
    expect(dm.text).toContain('等级已由中危升为紧急');
    const count = sb.app.store().sqlite.prepare('select count(*) as n from cases where subject_phone = ?').get(phone) as { n: number };
    expect(count.n).toBe(1);
  });
});

describe('delivery exactly once', () => {
  it('delivers a case committed while the queue add failed, once, after a restart', async () => {
    const spy = vi.spyOn(Queue.prototype, 'addBulk').mockRejectedValue(new Error('Redis went away'));
    const { json } = await postLeads(sb.app.url(), aLead({ level: 'urgent', unit: 'G2' }));
    const caseId = json.results[0].caseId;
    expect(json.results[0].status).toBe('created');
    await sb.stop();
    spy.mockRestore();
    sb = await sb.restart();
    await sb.botMessage((m) => m.room === '幸福里第二网格工作群' && m.text.includes(caseId), 0, 5000);
    await barrier();
    const about = await messagesAbout(caseId);
    expect(about.filter((m) => m.room)).toHaveLength(1);
    expect(about.filter((m) => m.to)).toHaveLength(1);
  });

  it('does not send again when the process died after the add but before marking the rows', async () => {
    const { json } = await postLeads(sb.app.url(), aLead({ level: 'high', unit: 'G3' }));
    const caseId = json.results[0].caseId;
    await sb.botMessage((m) => m.room === '团结湖第一网格工作群' && m.text.includes(caseId));
    await barrier();
    // As if the crash came between addBulk and markRelayed/markDelivered.
    const db = sb.app.store().db;
    db.update(outbox).set({ relayedAt: null, deliveredAt: null }).run();
    sb = await sb.restart();
    await barrier();
    const about = await messagesAbout(caseId);
    expect(about.filter((m) => m.room)).toHaveLength(1);
    expect(about.filter((m) => m.to)).toHaveLength(1);
  });
});

describe('privacy', () => {
  it('never logs subject names, phones, id numbers or addresses', async () => {
    const { status } = await postLeads(sb.app.url(), aLead({ subject: { name: '欧阳娜娜', phone: '13711112222', address: '团结湖路9号院1号楼', idNumber: '110105199001011232' }, unit: 'G3' }));
    expect(status).toBe(200);
    await barrier();
    expect(sb.logs.text()).toContain('lead taken in');
    expect(sb.logs.text()).toContainNoneOf(['欧阳娜娜', '13711112222', '团结湖路9号院', '110105199001011232']);
  });
});
