/**
 * The centre's API (DESIGN.md "Public contract"): `POST /api/v1/leads`, `GET /api/v1/cases/:caseId`.
 * `Authorization: Bearer $INTAKE_TOKEN` is required on /api/* when the token is set.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { IntakeOutcome } from '../core/intake.js';
import type { CaseView } from '../store/cases.js';
import type { OrgIndex } from '../domain/org.js';
import type { ShiftSummary } from '../domain/summary.js';

export interface ApiDeps {
  intakeToken: string | null;
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

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!.trim());
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function registerApi(app: FastifyInstance, deps: ApiDeps): void {
  app.register(
    async (api) => {
      api.addHook('onRequest', async (req, reply) => {
        if (deps.intakeToken && !tokenMatches(req.headers.authorization, deps.intakeToken)) {
          return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'missing or wrong bearer token (Authorization: Bearer $INTAKE_TOKEN)' });
        }
      });

      api.post('/leads', { bodyLimit: 2 * 1024 * 1024 }, async (req, reply) => {
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

      api.get<{ Params: { caseId: string } }>('/cases/:caseId', async (req, reply) => {
        const view = deps.caseView(req.params.caseId.trim().toUpperCase());
        if (!view) return reply.code(404).send({ error: `no case ${req.params.caseId}` });
        return view;
      });
    },
    { prefix: '/api/v1' },
  );

  // Contract errors as JSON: a body that is not JSON or too large is a 400/413 with a reason.
  app.setErrorHandler((err: { statusCode?: number; message: string; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    const message = status === 500 ? 'internal error' : err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'request body too large (at most 2 MB)' : err.message;
    return reply.code(status).send(status === 400 ? { errors: [{ index: 0, field: '(body)', message }] } : { error: message });
  });
}
