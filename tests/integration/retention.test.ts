/** Retention: personal fields of long-closed cases are removed; the case, its trail and statistics stay. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRetention } from '../../src/core/retention.js';
import { aLead, getCase, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

let sb: SandboxFixture;
beforeAll(async () => {
  sb = await bootSandbox('retention');
});
afterAll(async () => {
  await sb?.cleanup();
});

describe('the retention pass', () => {
  it('anonymises a case closed long ago, keeps open ones, and clears delivered message texts', async () => {
    const closed = (await postLeads(sb.app.url(), aLead({ level: 'low', assignee: '李网格' }))).json.results[0].caseId as string;
    const open = (await postLeads(sb.app.url(), aLead({ level: 'low', assignee: '李网格' }))).json.results[0].caseId as string;
    const seq = await sb.say('李网格', '幸福里第一网格工作群', `反馈 ${closed} 电话 劝阻成功`);
    await sb.botMessage((m) => m.text.includes(`${closed} 已办结`), seq);
    await sb.botMessage((m) => m.to === '李网格' && m.text.includes(`${open} 完整信息`));

    const year = 365 * 86_400_000;
    const result = applyRetention({ ...sb.app.core().ctx, personalDataForMs: 180 * 86_400_000, now: () => Date.now() + year });
    expect(result.cases).toBe(1);
    expect(result.outbox).toBeGreaterThan(0);

    const gone = (await getCase(sb.app.url(), closed)).json;
    expect(gone.subject).toEqual({ name: null, phone: null, address: null, idNumber: null });
    expect(gone.detail).toBeNull();
    expect(gone.outcome).toMatchObject({ result: 'dissuaded' });
    expect(gone.events.at(-1)).toMatchObject({ type: 'anonymised', actor: 'system' });
    expect((await getCase(sb.app.url(), open)).json.subject.name).toBe('张建国');

    const texts = sb.app.store().sqlite.prepare('select payload from outbox where delivered_at is not null').all() as { payload: string }[];
    expect(texts.every((t) => !t.payload.includes('张建国'))).toBe(true);
    expect(applyRetention({ ...sb.app.core().ctx, personalDataForMs: 180 * 86_400_000, now: () => Date.now() + year }).cases).toBe(0);
  });
});
