/**
 * `GET /metrics` (DESIGN "Additions"): Prometheus text format, behind the bearer token as
 * `/api/*` is. Also feeds the metrics what only HTTP sees: which leads came over the API
 * (`source="http"`) and intake requests refused because SQLite was busy.
 */
import type { FastifyInstance } from 'fastify';
import { requireToken } from './guard.js';

/** What the route needs of the metrics (the ops adapter provides it; http does not import ops). */
export interface MetricsSource {
  contentType: string;
  scrape(): Promise<string>;
  /** External ids of leads answered over HTTP (their source label). */
  leadsFromHttp(externalIds: string[]): void;
  /** An intake request was answered 503 because SQLite was busy. */
  sqliteBusy(): void;
}

export interface MetricsRouteDeps {
  intakeToken: string | null;
  /** Absent: no /metrics route. */
  metrics?: MetricsSource | null;
}

export function registerMetricsRoute(app: FastifyInstance, deps: MetricsRouteDeps): void {
  const metrics = deps.metrics;
  if (!metrics) return;
  app.get('/metrics', { onRequest: requireToken(deps.intakeToken) }, async (_req, reply) => {
    const text = await metrics.scrape();
    return reply.type(metrics.contentType).send(text);
  });
  // Before serialization: the lead ids are known before any tail of the events can run.
  app.addHook('preSerialization', async (req, reply, payload) => {
    if (req.method === 'POST' && req.url.startsWith('/api/v1/leads') && reply.statusCode === 200) {
      const results = (payload as { results?: { externalId?: unknown }[] } | null)?.results;
      if (Array.isArray(results)) metrics.leadsFromHttp(results.map((r) => String(r.externalId ?? '')));
    }
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode === 503 && req.url.startsWith('/api/') && reply.getHeader('retry-after')) metrics.sqliteBusy();
  });
}
