/**
 * The live case board over HTTP (issue 19): who may open it (the token, or a signed link that
 * expires), that it shows a subject only as a group message does, that a change reaches a
 * watcher within a second, and that hostile query parameters get a 4xx, never a 5xx.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBoardLink } from '../../src/wire/board-link.js';
import { linkQuery, openBoardStream } from '../support/board.js';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const TOKEN = 'board-test-token-0123456789';
const SECRET = 'board-link-secret-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
let sb: SandboxFixture;
let base: string;

beforeAll(async () => {
  sb = await bootSandbox('board', { env: { INTAKE_TOKEN: TOKEN, BOARD_LINK_SECRET: SECRET } });
  base = sb.app.url();
});
afterAll(async () => {
  await sb?.cleanup();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const DAY = 86_400_000;

describe('who may open the board', () => {
  it('opens with a valid link for the unit and the units below it', async () => {
    const q = linkQuery(SECRET, 'C1', sb.now() + DAY);
    const page = await get(`/board?${q}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('案件看板');
    const snap = await get(`/board/snapshot?${q}`);
    expect(snap.status).toBe(200);
    expect(((await snap.json()) as any).unit).toEqual({ code: 'C1', name: '幸福里社区' });
    expect((await get(`/board/snapshot?${q}&show=G1`)).status).toBe(200);
  });

  it('refuses an expired link, a wrong signature, another unit’s signature and a unit outside the link', async () => {
    const expired = linkQuery(SECRET, 'C1', sb.now() - 1000);
    const expiredPage = await get(`/board?${expired}`);
    expect(expiredPage.status).toBe(403);
    expect(await expiredPage.text()).toContain('链接已过期');
    expect((await get(`/board/snapshot?${expired}`)).status).toBe(403);
    expect((await get(`/board/events?${expired}`)).status).toBe(403);

    const good = signBoardLink(SECRET, 'C1', sb.now() + DAY);
    const forged = signBoardLink('another-secret-0123456789', 'C1', sb.now() + DAY);
    expect((await get(`/board/snapshot?unit=C1&exp=${forged.exp}&sig=${forged.sig}`)).status).toBe(403);
    expect((await get(`/board/snapshot?unit=PS1&exp=${good.exp}&sig=${good.sig}`)).status).toBe(403);
    expect((await get(`/board/snapshot?unit=C1&exp=${good.exp + 86_400}&sig=${good.sig}`)).status).toBe(403);
    const flipped = good.sig.slice(0, -1) + (good.sig.endsWith('A') ? 'B' : 'A');
    expect((await get(`/board?unit=C1&exp=${good.exp}&sig=${flipped}`)).status).toBe(403);
    expect((await get(`/board/snapshot?${linkQuery(SECRET, 'C1', sb.now() + DAY)}&show=C2`)).status).toBe(403);
  });

  it('answers the bearer token as /api/* does, and nothing without it', async () => {
    expect((await get('/board/snapshot?unit=PS1')).status).toBe(401);
    expect((await get('/board/events?unit=PS1')).status).toBe(401);
    expect((await get('/board/snapshot?unit=PS1', { authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await get('/board/snapshot?unit=PS1', auth);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).cycle.map((u: { code: string }) => u.code)).toEqual(['PS1', 'C1', 'C2']);
    expect((await get('/board/charts?unit=PS1', auth)).status).toBe(200);
  });

  it('serves ECharts itself (no CDN)', async () => {
    const res = await get('/board/echarts.js', { 'accept-encoding': 'identity' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('echarts');
  });
});

describe('what the board shows', () => {
  it('shows a new lead within a second, masked as in a group message, and follows its acknowledgement', async () => {
    const stream = await openBoardStream(`${base}/board/events?${linkQuery(SECRET, 'C1', sb.now() + DAY)}`);
    try {
      expect(stream.status).toBe(200);
      await stream.next('snapshot', () => true);
      await stream.next('charts', () => true);
      const phone = '13912345678';
      const address = '朝阳区幸福里小区3号楼2单元501';
      const sent = Date.now();
      const { json } = await postLeads(base, aLead({ level: 'urgent', assignee: '李网格', subject: { name: '张建国', phone, address } }), TOKEN);
      const caseId = json.results[0].caseId as string;
      const shown = await stream.next('snapshot', (s) => s.cases.some((c: { id: string }) => c.id === caseId));
      expect(shown.at - sent).toBeLessThan(1000);
      const line = shown.data.cases.find((c: { id: string }) => c.id === caseId);
      expect(line).toMatchObject({ level: 'urgent', levelZh: '紧急', subject: '张** 139****5678 · 朝阳区幸福里小区3号楼', grid: '幸福里第一网格', assignee: '李网格', status: 'dispatched', escalationStep: 0, overdue: false, dueKind: 'ack' });
      expect(line.dueAt).toBeGreaterThan(sb.now());
      expect(shown.data.today.received.urgent).toBeGreaterThanOrEqual(1);

      const ackAt = Date.now();
      sb.app.sandbox()!.say({ from: '李网格', room: '幸福里第一网格工作群', text: `收到 ${caseId}` });
      const acked = await stream.next('snapshot', (s) => s.cases.some((c: { id: string; status: string }) => c.id === caseId && c.status === 'acknowledged'));
      expect(acked.at - ackAt).toBeLessThan(1000);
      expect(acked.data.cases.find((c: { id: string }) => c.id === caseId)).toMatchObject({ statusZh: '处置中', dueKind: 'resolve' });

      // Nothing a group message would not show, in the events or the page.
      const everything = stream.events.map((e) => e.data).join('\n') + (await (await get(`/board?${linkQuery(SECRET, 'C1', sb.now() + DAY)}`)).text());
      expect(everything).not.toContain(phone);
      expect(everything).not.toContain(address);
      expect(everything).not.toContain('张建国');
    } finally {
      stream.close();
    }
  });

  it('lists the most urgent first: overdue, then level, then the nearest deadline', async () => {
    await postLeads(base, { leads: [aLead({ level: 'low', unit: 'G3' }), aLead({ level: 'high', unit: 'G3' })] }, TOKEN);
    const snap = (await (await get('/board/snapshot?unit=C2', auth)).json()) as any;
    const order = snap.cases.map((c: { level: string }) => c.level);
    expect(order.indexOf('high')).toBeLessThan(order.indexOf('low'));
    expect(snap.openCount).toBe(snap.cases.length);
  });
});

describe('hostile query parameters', () => {
  const KEYS = ['unit', 'show', 'exp', 'sig', 'wall', 'cycle', 'x', 'unit[]', '__proto__', 'constructor'];
  const aValue = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom('C1', 'PS1', 'ZZ', '', '0', '-1', '1e309', '99999999999999999999', 'A'.repeat(43), 'A'.repeat(5000), '../../etc/passwd', '<script>', '%', '%zz', '%00', 'null'),
  );
  const aQuery = fc.array(fc.tuple(fc.constantFrom(...KEYS), aValue, fc.boolean()), { maxLength: 5 }).map((pairs) =>
    // Sometimes raw (undecodable percent signs and all), usually encoded.
    pairs.map(([k, v, raw]) => `${k}=${raw ? v.replace(/[&#\s]/g, '') : encodeURIComponent(v)}`).join('&'),
  );

  it('answers 2xx or 4xx, never 5xx, on every board route, with the token or without', async () => {
    await fc.assert(
      fc.asyncProperty(aQuery, fc.constantFrom('/board', '/board/snapshot', '/board/charts', '/board/events'), fc.boolean(), async (q, path, withToken) => {
        const ctrl = new AbortController();
        const res = await fetch(`${base}${path}?${q}`, { headers: withToken ? auth : {}, signal: ctrl.signal });
        ctrl.abort();
        expect(res.status, `${path}?${q}`).toBeLessThan(500);
        if (res.status >= 400) expect([400, 401, 403, 404, 414]).toContain(res.status);
      }),
      { numRuns: 300 },
    );
    // Still serving.
    expect((await get('/board/snapshot?unit=C1', auth)).status).toBe(200);
  });

  it('names the bad parameter in a 400', async () => {
    const res = await get('/board/snapshot?unit=%3Cscript%3E', auth);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].field).toBe('unit');
    expect((await get('/board/snapshot?unit=C1&unit=C2', auth)).status).toBe(400);
    expect((await get('/board/snapshot?unit=NOPE', auth)).status).toBe(400);
  });
});
