/**
 * Generated intake bodies over real HTTP to the whole service (issue 11: "hostile input is
 * ordinary input"). A thousand bodies mix valid leads, leads with one field replaced by a
 * hostile value, batches, arbitrary JSON, huge strings, unicode and bodies that are not JSON.
 * For every body: no 5xx, the answer agrees with the domain's validation, and a refused body
 * changes no row. At the end: the service still answers /healthz, and no subject name, phone,
 * address or id number appears in a log line or, unmasked, in a group message.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateLeads } from '../../src/domain/lead.js';
import { indexOrg, type OrgIndex } from '../../src/domain/org.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';
import { aValidLead, countRows, hostileValue, leakedSecrets, secretsOf, waitForOutbox, wholeTranscript, type Secrets } from './generators.js';

const RUNS = 1000;
let sb: SandboxFixture;
let org: OrgIndex;

beforeAll(async () => {
  sb = await bootSandbox('intake-property');
  org = indexOrg(sb.config.profile.org);
});
afterAll(async () => {
  await sb?.cleanup();
});

/** Lead fields a mutation may replace or remove (dotted paths). */
const PATHS = ['externalId', 'level', 'unit', 'subject', 'subject.name', 'subject.phone', 'subject.address', 'subject.idNumber', 'category', 'amountAtRisk', 'detail', 'assignee'];

function mutate(lead: Record<string, unknown>, path: string, value: unknown, remove: boolean): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...lead, subject: { ...(lead.subject as Record<string, unknown>) } };
  const [head, tail] = path.split('.') as [string, string | undefined];
  const target = (tail ? copy[head] : copy) as Record<string, unknown>;
  if (remove) delete target[tail ?? head];
  else target[tail ?? head] = value;
  return copy;
}

const aMutatedLead = fc
  .tuple(aValidLead, fc.constantFrom(...PATHS), hostileValue, fc.boolean())
  .map(([lead, path, value, remove]) => mutate(lead, path, value, remove && Math.random() < 0.2));

const aLeadLike = fc.oneof({ weight: 3, arbitrary: aValidLead }, { weight: 3, arbitrary: aMutatedLead }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

/** A request: a JSON value to send, or raw text that may not be JSON at all. */
type Body = { json: unknown } | { raw: string; type: string };

const aBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 4, arbitrary: aValidLead.map((json) => ({ json })) },
  { weight: 4, arbitrary: aMutatedLead.map((json) => ({ json })) },
  { weight: 4, arbitrary: fc.array(aLeadLike, { minLength: 0, maxLength: 6 }).map((leads) => ({ json: { leads } })) },
  { weight: 1, arbitrary: hostileValue.map((leads) => ({ json: { leads } })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })) },
  { weight: 1, arbitrary: hostileValue.map((json) => ({ json })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded')).map(([raw, type]) => ({ raw, type })),
  },
  // Over the 2 MB body limit.
  { weight: 1, arbitrary: fc.constant({ raw: `{"externalId":"${'x'.repeat(3 * 1024 * 1024)}"}`, type: 'application/json' }) },
);

async function post(body: Body): Promise<{ status: number; text: string }> {
  const init = 'json' in body ? { type: 'application/json', data: JSON.stringify(body.json) ?? 'null' } : { type: body.type, data: body.raw };
  const res = await fetch(`${sb.app.url()}/api/v1/leads`, { method: 'POST', headers: { 'content-type': init.type }, body: init.data });
  return { status: res.status, text: await res.text() };
}

describe('generated intake bodies over HTTP', () => {
  it(`never answer 5xx, agree with validation, change nothing when refused and leak no subject (${RUNS} bodies)`, async () => {
    const everySecret: Secrets = { logs: new Set(), groups: new Set() };
    const t0 = Date.now();
    let accepted = 0;
    const takenIn = new Set<string>();
    await fc.assert(
      fc.asyncProperty(aBody, async (body) => {
        const sent = 'json' in body ? (JSON.parse(JSON.stringify(body.json) ?? 'null') as unknown) : undefined;
        secretsOf(sent, org, everySecret);
        const before = countRows(sb.app.store().sqlite);
        const res = await post(body);
        expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
        if (res.status === 200) {
          accepted += 1;
          // Only what the domain accepts is taken in (a body the parser refuses, e.g. one
          // with a __proto__ key, may be refused while the domain would have taken it).
          expect(sent !== undefined && validateLeads(sent, org).ok).toBe(true);
          const json = JSON.parse(res.text) as { results: { externalId: string; status: string }[] };
          const leads = (validateLeads(sent, org) as { leads: { externalId: string }[] }).leads;
          expect(json.results.map((r) => r.externalId)).toEqual(leads.map((l) => l.externalId));
          // An id never taken in before is never answered "duplicate": different leads never collapse.
          for (const r of json.results) {
            expect(['created', 'duplicate', 'merged']).toContain(r.status);
            if (!takenIn.has(r.externalId)) expect(r.status, r.externalId).not.toBe('duplicate');
            takenIn.add(r.externalId);
          }
        } else {
          if (sent !== undefined && !/"(?:__proto__|constructor)"/.test(JSON.stringify(sent))) {
            expect(validateLeads(sent, org).ok, `answered ${res.status}: ${res.text.slice(0, 300)}`).toBe(false);
          }
          expect(countRows(sb.app.store().sqlite)).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
    const posted = Date.now() - t0;

    await waitForOutbox(sb.app.store().sqlite, 45_000);
    const health = await fetch(`${sb.app.url()}/healthz`);
    expect(health.status, await health.text()).toBe(200);

    const messages = await wholeTranscript((after) => sb.messages(after));
    const groups = messages.filter((m) => m.room !== null);
    // The check can see a leak: the private records do hold the full fields.
    expect(leakedSecrets(messages.filter((m) => m.room === null).map((m) => m.text), everySecret.groups).length).toBeGreaterThan(0);
    expect(leakedSecrets(sb.logs.lines, everySecret.logs), 'subject fields in the log').toEqual([]);
    expect(leakedSecrets(groups.map((m) => m.text), everySecret.groups), 'unmasked subject fields in a group').toEqual([]);
    expect(accepted).toBeGreaterThan(RUNS / 10);
    console.info(`intake property: ${RUNS} bodies in ${posted} ms, ${accepted} accepted, ${groups.length} group messages, ${everySecret.logs.size} subject values checked`);
  }, 120_000);

  // Found by the run above: a lead whose external id is a mobile number (an upstream system may
  // key its leads by the victim's phone) put that number in the 'lead taken in' log line.
  it('never logs an external id shaped like a phone or an identity number (named regression)', async () => {
    const [base] = fc.sample(aValidLead, { numRuns: 1, seed: 13 }) as Record<string, unknown>[];
    for (const externalId of ['13912345678', '110105199001011232']) {
      const res = await post({ json: { ...base, externalId } });
      expect(res.status, res.text).toBe(200);
      expect(sb.logs.lines.filter((l) => l.includes(externalId))).toEqual([]);
    }
    expect(sb.logs.lines.some((l) => l.includes('139****5678'))).toBe(true);
  });
});
