/**
 * Sandbox fault controls: log the bot out and back in, make its sends fail or
 * crawl, so operators can rehearse an outage and tests can drive one.
 *
 * - `GET  /sandbox/faults` → the state (`SandboxFaults`)
 * - `POST /sandbox/faults` with `{ "failSends": N | "all" | 0, "sendDelayMs": ms }` → the new state
 * - `POST /sandbox/bot/logout`, `POST /sandbox/bot/login` → the new state (each idempotent)
 *
 * Registered beside the other `/sandbox/*` routes, so the same bearer-token rule covers them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxApi } from './sandbox-api.js';
import { formatPath } from '../config.js';

const faultsBody = z
  .strictObject({
    failSends: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')], { error: 'expected a count of sends to fail, "all", or 0 to clear' }).optional(),
    sendDelayMs: z.number({ error: 'expected milliseconds (0 to clear)' }).int().min(0).max(120_000).optional(),
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
    return sandbox.setFaults(parsed.data);
  });

  app.post('/sandbox/bot/logout', async () => {
    await sandbox.logout();
    return sandbox.faults();
  });

  app.post('/sandbox/bot/login', async () => {
    sandbox.login();
    return sandbox.faults();
  });
}
