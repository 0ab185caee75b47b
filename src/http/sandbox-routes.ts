/**
 * Sandbox fault controls: log the bot out and back in, make its sends fail or
 * crawl, so operators can rehearse an outage and tests can drive one.
 *
 * - `GET  /sandbox/faults` → the state (`SandboxFaults`)
 * - `POST /sandbox/faults` with `{ "failSends": N | "all" | 0, "sendDelayMs": ms }` → the new state
 * - `POST /sandbox/bot/logout`, `POST /sandbox/bot/login` → the new state (each idempotent);
 *   `{ "bot": "<id>" }` (or `?bot=`) names one of several accounts (issue 17: rehearse a failover)
 *
 * Registered beside the other `/sandbox/*` routes, so the same bearer-token rule covers them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isSandboxInputError, type SandboxApi } from './sandbox-api.js';
import { formatPath } from '../config.js';

const faultsBody = z
  .strictObject({
    failSends: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')], { error: 'expected a count of sends to fail, "all", or 0 to clear' }).optional(),
    sendDelayMs: z.number({ error: 'expected milliseconds (0 to clear)' }).int().min(0).max(120_000).optional(),
    bot: z.string().min(1).max(32).optional(),
  })
  .refine((b) => b.failSends !== undefined || b.sendDelayMs !== undefined, { message: 'give "failSends" (a count, "all", or 0 to clear) or "sendDelayMs"' });

export function registerSandboxFaultRoutes(app: FastifyInstance, sandbox: SandboxApi): void {
  app.get('/sandbox/faults', async () => sandbox.faults());

  app.post('/sandbox/faults', async (req, reply) => {
    const parsed = faultsBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: formatPath(i.path) || '(body)', message: i.message }));
      return reply.code(400).send({ error: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors });
    }
    try {
      return sandbox.setFaults(parsed.data);
    } catch (err) {
      if (isSandboxInputError(err)) return reply.code(400).send({ error: `${err.field}: ${err.message}`, errors: [{ field: err.field, message: err.message }] });
      throw err;
    }
  });

  /** The account named by `{ "bot" }` or `?bot=`, if any. */
  const botOf = (req: FastifyRequest): string | undefined => {
    const b = ((req.body ?? {}) as { bot?: unknown }).bot ?? (req.query as { bot?: unknown }).bot;
    return typeof b === 'string' && b ? b : undefined;
  };
  for (const action of ['logout', 'login'] as const) {
    app.post(`/sandbox/bot/${action}`, async (req, reply) => {
      try {
        await sandbox[action](botOf(req));
      } catch (err) {
        if (isSandboxInputError(err)) return reply.code(400).send({ error: `${err.field}: ${err.message}`, errors: [{ field: err.field, message: err.message }] });
        throw err;
      }
      return sandbox.faults();
    });
  }
}
