/**
 * The centre's API (DESIGN.md "Public contract"): `POST /api/v1/leads`, `GET /api/v1/cases/:caseId`.
 * `Authorization: Bearer $INTAKE_TOKEN` is required on /api/* when the token is set.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { IntakeOutcome } from '../core/intake.js';
import type { CaseView } from '../store/cases.js';

export interface ApiDeps {
  intakeToken: string | null;
  intake: (body: unknown) => IntakeOutcome;
  caseView: (caseId: string) => CaseView | null;
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
