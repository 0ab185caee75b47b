/** The HTTP server (Fastify): health, the sandbox API and page; intake routes come with their issues. */
import { readFileSync } from 'node:fs';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { registerApi, type ApiDeps } from './api.js';
import { registerBoard, type BoardDeps } from './board-routes.js';
import { requireToken } from './guard.js';
import { registerMetricsRoute, type MetricsRouteDeps } from './metrics-route.js';
import { registerSandboxFaultRoutes } from './sandbox-routes.js';
import { isSandboxInputError, type SandboxApi } from './sandbox-api.js';
import { formatPath } from '../config.js';
import type { Log } from '../log.js';

export interface HttpDeps extends ApiDeps, MetricsRouteDeps {
  log: Log;
  /** Resolves to a list of problems; empty when healthy. */
  health: () => Promise<string[]>;
  /** Figures shown beside the status (no personal data): e.g. the outbound backlog. */
  healthDetails?: () => Record<string, unknown>;
  sandbox: SandboxApi | null;
  /** The live case board (issue 19): core's board reads, the link secret and the app's clock. */
  board?: Omit<BoardDeps, 'org' | 'token'>;
  /** A picture the bot sent in the sandbox, by the transcript's seq (PNG), or null. */
  sandboxImage?: (seq: number) => Buffer | null;
}

const SANDBOX_PAGE = new URL('./sandbox-page.html', import.meta.url);

const sayBody = z
  .object({
    from: z.string().min(1, 'expected a member name'),
    room: z.string().min(1).optional(),
    to: z.string().min(1).optional(),
    text: z.string().max(2000).default(''),
    quoteSeq: z.number().int().positive().optional(),
    image: z.boolean().optional(),
  });

/** Zod issues as the contract's error list: `[{ field, message }]`. */
export function fieldErrors(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: formatPath(i.path) || '(body)', message: i.message }));
}

export function createHttp(deps: HttpDeps) {
  const app = Fastify({
    loggerInstance: deps.log.child({ module: 'http' }) as FastifyBaseLogger,
    // Request lines for the API; the sandbox page polls and health checks stay quiet.
    // The board's streams and links (their query carries a signature) stay out of the log too.
    logController: new LogController({ disableRequestLogging: (req) => req.url.startsWith('/sandbox') || req.url === '/healthz' || req.url.startsWith('/board') }),
    bodyLimit: 1024 * 1024,
  });

  // Keep the raw JSON text beside the parsed body: intake signatures are over the bytes sent.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    (req as unknown as { rawBody: string }).rawBody = body as string;
    parseJson(req, body as string, done);
  });

  app.get('/healthz', async (_req, reply) => {
    const problems = await deps.health();
    const details = deps.healthDetails?.() ?? {};
    if (problems.length) return reply.code(503).send({ status: 'unavailable', problems, ...details });
    return { status: 'ok', ...details };
  });

  registerApi(app, deps);
  registerMetricsRoute(app, deps);
  if (deps.board) registerBoard(app, { ...deps.board, org: deps.org, token: deps.intakeToken });

  const sandbox = deps.sandbox;
  const guardSandbox = requireToken(deps.intakeToken);
  if (sandbox) {
    const page = readFileSync(SANDBOX_PAGE, 'utf8');
    app.get('/sandbox', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
    // DESIGN "Additions": the sandbox API needs the token as /api/* does (the page itself holds no data).
    app.addHook('onRequest', async (req, reply) => {
      if (req.url.startsWith('/sandbox/')) return guardSandbox(req, reply);
    });
    app.get('/sandbox/world', async () => sandbox.world());
    // Pictures the bot sent (the transcript's `image` points here).
    app.get<{ Params: { file: string } }>('/sandbox/images/:file', async (req, reply) => {
      const m = /^(\d{1,12})\.png$/.exec(req.params.file);
      const png = m ? (deps.sandboxImage?.(Number(m[1])) ?? null) : null;
      if (!png) return reply.code(404).send({ error: 'no such picture' });
      return reply.type('image/png').header('cache-control', 'private, max-age=86400').send(png);
    });
    registerSandboxFaultRoutes(app, sandbox);
    app.get('/sandbox/messages', async (req, reply) => {
      const after = Number((req.query as Record<string, string>).after ?? 0);
      if (!Number.isInteger(after) || after < 0) return reply.code(400).send({ errors: [{ field: 'after', message: 'expected a non-negative integer' }] });
      return sandbox.messagesAfter(after);
    });
    app.post('/sandbox/say', async (req, reply) => {
      const parsed = sayBody.safeParse(req.body);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const whereMissing = (body.room === undefined) === (body.to === undefined);
      const textMissing = parsed.success && !parsed.data.image && parsed.data.text.trim() === '';
      if (!parsed.success || whereMissing || textMissing) {
        const errors = parsed.success ? [] : fieldErrors(parsed.error);
        if (textMissing || (!parsed.success && !body.image && !String(body.text ?? '').trim() && !errors.some((e) => e.field === 'text'))) errors.push({ field: 'text', message: 'expected some text' });
        if (whereMissing) errors.push({ field: 'room', message: 'give either "room" (a room topic) or "to": "bot"' });
        return reply.code(400).send({ error: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors });
      }
      try {
        return { seq: sandbox.say(parsed.data!) };
      } catch (err) {
        if (isSandboxInputError(err)) {
          return reply.code(400).send({ error: `${err.field}: ${err.message}`, errors: [{ field: err.field, message: err.message }] });
        }
        throw err;
      }
    });
  }
  return app;
}
