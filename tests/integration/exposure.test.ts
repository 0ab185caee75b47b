/**
 * Exposure closed by default (finding 5): with INTAKE_TOKEN set, the sandbox API needs it as
 * /api/* does; with INTAKE_HMAC_SECRET set, intake must be signed over timestamp and body.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLead } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const TOKEN = 'test-token-0123456789abcdef';
const SECRET = 'hmac-secret-0123456789';
let sb: SandboxFixture;

beforeAll(async () => {
  sb = await bootSandbox('exposure', { env: { INTAKE_TOKEN: TOKEN, INTAKE_HMAC_SECRET: SECRET } });
});
afterAll(async () => {
  await sb?.cleanup();
});

const auth = { authorization: `Bearer ${TOKEN}` };
const sign = (ts: string, body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;

async function post(body: string, headers: Record<string, string>) {
  const res = await fetch(`${sb.app.url()}/api/v1/leads`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, json: (await res.json()) as any };
}

describe('with INTAKE_TOKEN set', () => {
  it('refuses the sandbox API without the token and answers with it; the page itself holds no data', async () => {
    for (const path of ['/sandbox/messages?after=0', '/sandbox/world']) {
      expect((await fetch(`${sb.app.url()}${path}`)).status).toBe(401);
      expect((await fetch(`${sb.app.url()}${path}`, { headers: auth })).status).toBe(200);
    }
    const say = await fetch(`${sb.app.url()}/sandbox/say`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '李网格', to: 'bot', text: '帮助' }) });
    expect(say.status).toBe(401);
    const page = await fetch(`${sb.app.url()}/sandbox`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('张建国');
  });
});

describe('with INTAKE_HMAC_SECRET set', () => {
  it('takes a lead signed over timestamp and body, once', async () => {
    const body = JSON.stringify(aLead());
    const ts = String(Math.floor(Date.now() / 1000));
    const ok = await post(body, { ...auth, 'x-gridguard-timestamp': ts, 'x-gridguard-signature': sign(ts, body) });
    expect(ok.status).toBe(200);
    expect(ok.json.results[0].status).toBe('created');
  });

  it('refuses a missing, wrong, stale or other-body signature, and stores nothing', async () => {
    const lead = aLead();
    const body = JSON.stringify(lead);
    const ts = String(Math.floor(Date.now() / 1000));
    const stale = String(Math.floor(Date.now() / 1000) - 6 * 60);
    const cases: Record<string, string>[] = [
      {},
      { 'x-gridguard-timestamp': ts },
      { 'x-gridguard-timestamp': ts, 'x-gridguard-signature': sign(ts, body, 'another-secret-123456') },
      { 'x-gridguard-timestamp': stale, 'x-gridguard-signature': sign(stale, body) },
      { 'x-gridguard-timestamp': ts, 'x-gridguard-signature': sign(ts, body.replace('张建国', '李建国')) },
      { 'x-gridguard-timestamp': ts, 'x-gridguard-signature': 'sha256=zz' },
    ];
    for (const headers of cases) {
      const res = await post(body, { ...auth, ...headers });
      expect(res.status).toBe(401);
      expect(res.json.error).toMatch(/X-GridGuard-(Timestamp|Signature)/);
    }
    const stored = sb.app.store().sqlite.prepare('select count(*) as n from case_leads where external_id = ?').get(lead.externalId) as { n: number };
    expect(stored.n).toBe(0);
  });
});
