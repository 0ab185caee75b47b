/**
 * The centre's API (DESIGN.md "Public contract"): `POST /api/v1/leads`, `GET /api/v1/cases/:caseId`.
 * `Authorization: Bearer $INTAKE_TOKEN` is required on /api/* when the token is set.
 */
import type { FastifyInstance } from 'fastify';
import type { IntakeOutcome } from '../core/intake.js';
import type { CaseView } from '../store/cases.js';
import type { OrgIndex } from '../domain/org.js';
import type { ShiftSummary } from '../domain/summary.js';
import { createRateLimiter, requireToken, verifySignature } from './guard.js';

export interface ApiDeps {
  intakeToken: string | null;
  /** When set, intake requires an HMAC signature (SECURITY.md). */
  intakeHmacSecret?: string | null;
  /** Case look-ups allowed per client and second (burst: 3×); ids are short, so guessing is slowed. */
  lookupsPerSecond?: number;
  intake: (body: unknown) => IntakeOutcome;
  caseView: (caseId: string) => CaseView | null;
  summaries: (unit: string, from: number, to: number) => ShiftSummary[];
  org: OrgIndex;
}

const WEEK_MS = 7 * 86_400_000;

/** Reads an ISO time (or epoch ms) query parameter; null when absent, NaN when bad. */
function timeParam(v: string | undefined): number | null {
  if (v === undefined || v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : Date.parse(v);
}

export function registerApi(app: FastifyInstance, deps: ApiDeps): void {
  app.register(
    async (api) => {
      api.addHook('onRequest', requireToken(deps.intakeToken));

      api.post('/leads', { bodyLimit: 2 * 1024 * 1024 }, async (req, reply) => {
        if (deps.intakeHmacSecret) {
          const h = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
          const bad = verifySignature(deps.intakeHmacSecret, { timestamp: h('x-gridguard-timestamp'), signature: h('x-gridguard-signature') }, rawBodyOf(req), Date.now());
          if (bad) return reply.code(401).send({ error: bad });
        }
        const outcome = deps.intake(req.body);
        if (!outcome.ok) return reply.code(400).send({ errors: outcome.errors });
        return { results: outcome.results };
      });

      api.get<{ Querystring: { unit?: string; from?: string; to?: string } }>('/summaries', async (req, reply) => {
        const { unit, from, to } = req.query;
        const errors: { field: string; message: string }[] = [];
        if (!unit) errors.push({ field: 'unit', message: 'expected a unit code' });
        else if (!deps.org.unit(unit)) errors.push({ field: 'unit', message: `unknown unit "${unit}"` });
        const toAt = timeParam(to) ?? Date.now();
        const fromAt = timeParam(from) ?? toAt - WEEK_MS;
        if (Number.isNaN(fromAt)) errors.push({ field: 'from', message: 'expected an ISO time such as 2026-11-23T00:00:00+08:00' });
        if (Number.isNaN(toAt)) errors.push({ field: 'to', message: 'expected an ISO time such as 2026-11-23T12:00:00+08:00' });
        if (errors.length) return reply.code(400).send({ errors });
        return deps.summaries(unit!, fromAt, toAt);
      });

      const lookups = createRateLimiter(deps.lookupsPerSecond ?? 20, (deps.lookupsPerSecond ?? 20) * 3);
      api.get<{ Params: { caseId: string } }>('/cases/:caseId', async (req, reply) => {
        const wait = lookups.take(req.ip);
        if (wait) return reply.code(429).header('retry-after', String(wait)).send({ error: 'too many case look-ups; slow down' });
        const view = deps.caseView(req.params.caseId.trim().toUpperCase());
        if (!view) return reply.code(404).send({ error: `no case ${req.params.caseId}` });
        return view;
      });
    },
    { prefix: '/api/v1' },
  );

  // Contract errors as JSON: a body that is not JSON or too large is a 400/413 with a reason.
  app.setErrorHandler((err: { statusCode?: number; message: string; code?: string }, req, reply) => {
    // Another process holds the SQLite write lock (an import, a backup): nothing was written
    // (one transaction per request), so the client may simply send the same request again.
    if (typeof err.code === 'string' && err.code.startsWith('SQLITE_BUSY')) {
      req.log.warn({ url: req.url }, 'database busy; answered 503');
      return reply.code(503).header('retry-after', '1').send({ error: 'database busy, retry in a second (the request was not applied)' });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    const message = status === 500 ? 'internal error' : err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'request body too large (at most 2 MB)' : err.message;
    return reply.code(status).send(status === 400 ? { errors: [{ index: 0, field: '(body)', message }] } : { error: message });
  });
}

/** The raw text of a JSON body, as kept by the server's content parser (for signatures). */
function rawBodyOf(req: { body: unknown }): string {
  return (req as unknown as { rawBody?: string }).rawBody ?? '';
}
