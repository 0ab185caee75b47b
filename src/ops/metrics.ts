/**
 * Prometheus metrics (DESIGN "Additions": `GET /metrics`, `gridguard_…` names, no
 * personal data in any label). Nothing in core reports to it: counters and histograms come from
 * tailing SQLite, the truth — `case_events` by id and the outbox by `delivered_at` — so a lead
 * imported by the CLI counts as one pushed over HTTP, and a restart loses nothing but the
 * counters' process lifetime (Prometheus handles resets). Gauges are read at scrape time with
 * small indexed queries. Labels are bounded: level, status, role, bot id, priority, kind.
 */
import type Database from 'better-sqlite3';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LEVELS, PRIORITY } from '../domain/types.js';

export interface MetricsDeps {
  sqlite: Database.Database;
  botId: string;
  loggedIn: () => boolean;
  /** Answers true when Redis answers (a PING with a short timeout). */
  redisUp?: () => Promise<boolean>;
  now?: () => number;
}

export interface Metrics {
  registry: Registry;
  /** Prometheus text format; tails SQLite first so the figures are current. */
  scrape(): Promise<string>;
  contentType: string;
  /** Reads new events and deliveries (also run every `tailEveryMs` between scrapes). */
  tail(): void;
  /** Hooks for what SQLite cannot tell. */
  timersRebuilt(): void;
  sqliteBusy(): void;
  /** Leads answered by the HTTP intake: their external ids label the events `source="http"`. */
  leadsFromHttp(externalIds: string[]): void;
  sendRetried(): void;
  sendGivenUp(): void;
  start(tailEveryMs?: number): void;
  stop(): void;
}

/** Seconds: from a few hundred milliseconds (a message) to three days (a low case's resolution). */
const DURATION_BUCKETS = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21_600, 86_400, 259_200];
const LATENESS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300];
const KINDS = new Set(['dispatch', 'reminder', 'ack', 'correct', 'outreach', 'reassign', 'refuse', 'report', 'summary']);
const PRIORITY_NAMES = new Map(Object.entries(PRIORITY).map(([name, n]) => [n, name]));
const HTTP_SOURCE_LIMIT = 20_000;
const BATCH = 2000;

const level = (l: unknown) => ((LEVELS as readonly unknown[]).includes(l) ? (l as string) : 'unknown');
const priorityName = (p: number) => PRIORITY_NAMES.get(p) ?? String(p);

interface EventRow {
  id: number;
  at: number;
  type: string;
  data: string | null;
  level: string;
  createdAt: number;
}

export function createMetrics(deps: MetricsDeps): Metrics {
  // Core writes the logical queue `outbound`; rows of older versions name `outbound-<botId>`.
  const botOf = (queue: string) => (queue === 'outbound' ? deps.botId : queue.replace(/^outbound-/, ''));
  const now = deps.now ?? Date.now;
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'gridguard' });
  collectDefaultMetrics({ register: registry, prefix: 'gridguard_' });
  const db = deps.sqlite;
  const q = <T>(sql: string) => {
    const st = db.prepare(sql);
    return { all: (...a: unknown[]) => st.all(...a) as T[], get: (...a: unknown[]) => st.get(...a) as T | undefined };
  };

  const leads = new Counter({ name: 'gridguard_leads_received_total', help: 'Leads received, by level, source (http or import) and outcome (created a case or merged into an open one)', labelNames: ['level', 'source', 'outcome'], registers: [registry] });
  const events = new Counter({ name: 'gridguard_case_events_total', help: 'Case events appended to the trail, by type', labelNames: ['type'], registers: [registry] });
  const steps = new Counter({ name: 'gridguard_escalation_steps_total', help: 'Escalation steps fired, by level and role of the chain', labelNames: ['level', 'role'], registers: [registry] });
  const toDelivered = new Histogram({ name: 'gridguard_lead_to_delivered_seconds', help: 'From the lead to its dispatch message delivered to the task room, by level', labelNames: ['level'], buckets: DURATION_BUCKETS, registers: [registry] });
  const toAck = new Histogram({ name: 'gridguard_lead_to_acknowledged_seconds', help: 'From the lead to the acknowledgement, by level', labelNames: ['level'], buckets: DURATION_BUCKETS, registers: [registry] });
  const toResolved = new Histogram({ name: 'gridguard_lead_to_resolved_seconds', help: 'From the lead to the resolution, by level', labelNames: ['level'], buckets: DURATION_BUCKETS, registers: [registry] });
  const lateness = new Histogram({ name: 'gridguard_timer_lateness_seconds', help: 'How late an escalation step fired after its deadline', buckets: LATENESS_BUCKETS, registers: [registry] });
  const sent = new Counter({ name: 'gridguard_messages_sent_total', help: 'Messages delivered to WeChat, by bot account, kind and whether to a room or privately', labelNames: ['bot', 'kind', 'to'], registers: [registry] });
  const retries = new Counter({ name: 'gridguard_send_retries_total', help: 'Sends that failed and will be retried', labelNames: ['bot'], registers: [registry] });
  const givenUp = new Counter({ name: 'gridguard_send_failures_total', help: 'Messages given up for good (e.g. recipient not bound)', labelNames: ['bot'], registers: [registry] });
  const refusals = new Counter({ name: 'gridguard_chat_refusals_total', help: 'Chat messages answered with a refusal (why, with an example)', registers: [registry] });
  const confirmations = new Counter({ name: 'gridguard_chat_confirmations_total', help: 'One-tap confirmations asked, by how they ended', labelNames: ['resolution'], registers: [registry] });
  const rebuilt = new Counter({ name: 'gridguard_timers_rebuilt_total', help: 'Times the escalation timers were rebuilt from SQLite after Redis lost them', registers: [registry] });
  const busy = new Counter({ name: 'gridguard_sqlite_busy_total', help: 'Requests answered 503 because another process held the SQLite write lock', registers: [registry] });
  for (const l of LEVELS) {
    for (const h of [toDelivered, toAck, toResolved]) h.zero({ level: l });
  }
  rebuilt.inc(0);
  busy.inc(0);
  retries.inc({ bot: deps.botId }, 0);
  givenUp.inc({ bot: deps.botId }, 0);

  const casesByStatus = q<{ status: string; level: string; n: number }>('select status, level, count(*) as n from cases group by status, level');
  const backlogQ = q<{ queue: string; priority: number; n: number; oldest: number }>(
    'select queue, priority, count(*) as n, min(created_at) as oldest from outbox where delivered_at is null and failed_at is null group by queue, priority',
  );
  const relayQ = q<{ oldest: number | null }>('select min(created_at) as oldest from outbox where delivered_at is null and failed_at is null and relayed_at is null');
  const failedQ = q<{ n: number }>('select count(*) as n from outbox where delivered_at is null and failed_at is not null and cleared_at is null');

  new Gauge({
    name: 'gridguard_cases',
    help: 'Cases by status and level',
    labelNames: ['status', 'level'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of casesByStatus.all()) this.set({ status: r.status, level: level(r.level) }, r.n);
    },
  });
  const backlog = new Gauge({ name: 'gridguard_outbound_backlog_messages', help: 'Messages waiting to be delivered, by bot account and priority', labelNames: ['bot', 'priority'], registers: [registry] });
  const oldest = new Gauge({ name: 'gridguard_outbound_oldest_age_seconds', help: 'Age of the oldest undelivered message, by bot account and priority', labelNames: ['bot', 'priority'], registers: [registry] });
  const failedG = new Gauge({ name: 'gridguard_outbound_failed_messages', help: 'Messages refused for good and kept for diagnosis', registers: [registry] });
  const relayLag = new Gauge({ name: 'gridguard_relay_lag_seconds', help: 'Age of the oldest outbox row not yet relayed to Redis (0 when none)', registers: [registry] });
  const loggedIn = new Gauge({ name: 'gridguard_gateway_logged_in', help: '1 when the bot account is logged in to WeChat', labelNames: ['bot'], registers: [registry] });
  const redisUp = new Gauge({ name: 'gridguard_redis_up', help: '1 when Redis answers a PING', registers: [registry] });

  async function collectGauges(): Promise<void> {
    const t = now();
    backlog.reset();
    oldest.reset();
    for (const r of backlogQ.all()) {
      const labels = { bot: botOf(r.queue), priority: priorityName(r.priority) };
      backlog.set(labels, r.n);
      oldest.set(labels, Math.max(0, (t - r.oldest) / 1000));
    }
    failedG.set(failedQ.get()?.n ?? 0);
    const lag = relayQ.get()?.oldest;
    relayLag.set(lag ? Math.max(0, (t - lag) / 1000) : 0);
    loggedIn.set({ bot: deps.botId }, deps.loggedIn() ? 1 : 0);
    if (deps.redisUp) redisUp.set((await deps.redisUp()) ? 1 : 0);
  }

  // Tails start where the files are now: counters count from this process's start.
  const maxId = (table: string, col = 'id') => (db.prepare(`select coalesce(max(${col}), 0) as m from ${table}`).get() as { m: number }).m;
  let eventCursor = maxId('case_events');
  let deliveredCursor = { at: maxId('outbox', 'delivered_at'), id: 0 };
  let inboundCursor = maxId('inbound_messages', 'rowid');
  let confirmCursor = maxId('pending_confirmations');
  const httpIds = new Set<string>();

  const eventsQ = q<EventRow>(
    `select e.id, e.at, e.type, e.data, c.level, c.created_at as createdAt
     from case_events e join cases c on c.id = e.case_id where e.id > ? order by e.id limit ${BATCH}`,
  );
  const deliveredQ = q<{ id: number; deliveredAt: number; queue: string; kind: string | null; room: string | null; level: string | null; createdAt: number | null }>(
    `select o.id, o.delivered_at as deliveredAt, o.queue, json_extract(o.payload, '$.meta.kind') as kind, json_extract(o.payload, '$.room') as room,
            c.level, c.created_at as createdAt
     from outbox o left join cases c on c.id = o.case_id
     where o.delivered_at > ? or (o.delivered_at = ? and o.id > ?) order by o.delivered_at, o.id limit ${BATCH}`,
  );
  const inboundQ = q<{ rowid: number; receivedAt: number; processedAt: number | null; refusedAt: number | null }>(
    `select rowid, received_at as receivedAt, processed_at as processedAt, refused_at as refusedAt from inbound_messages where rowid > ? order by rowid limit ${BATCH}`,
  );
  const confirmQ = q<{ id: number; expiresAt: number; resolution: string | null }>(
    `select id, expires_at as expiresAt, resolution from pending_confirmations where id > ? order by id limit ${BATCH}`,
  );

  function observeEvent(e: EventRow): void {
    events.inc({ type: e.type });
    const data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : {};
    const lv = level(e.level);
    const since = Math.max(0, (e.at - e.createdAt) / 1000);
    if (e.type === 'created' || e.type === 'merged') {
      const ext = String(data.externalId ?? '');
      leads.inc({ level: level(data.level ?? e.level), source: httpIds.has(ext) ? 'http' : 'import', outcome: e.type });
    } else if (e.type === 'acknowledged') {
      toAck.observe({ level: lv }, since);
    } else if (e.type === 'resolved') {
      toResolved.observe({ level: lv }, since);
    } else if (e.type === 'escalated') {
      steps.inc({ level: lv, role: String(data.role ?? 'unknown') });
      const due = typeof data.dueAt === 'string' ? Date.parse(data.dueAt) : NaN;
      if (!Number.isNaN(due)) lateness.observe(Math.max(0, (e.at - due) / 1000));
    }
  }

  function tail(): void {
    for (let rows = eventsQ.all(eventCursor); rows.length; rows = rows.length === BATCH ? eventsQ.all(eventCursor) : []) {
      for (const e of rows) observeEvent(e);
      eventCursor = rows.at(-1)!.id;
    }
    for (let rows = deliveredQ.all(deliveredCursor.at, deliveredCursor.at, deliveredCursor.id); rows.length; rows = rows.length === BATCH ? deliveredQ.all(deliveredCursor.at, deliveredCursor.at, deliveredCursor.id) : []) {
      for (const r of rows) {
        const kind = r.kind && KINDS.has(r.kind) ? r.kind : 'other';
        sent.inc({ bot: botOf(r.queue), kind, to: r.room ? 'room' : 'private' });
        if (r.kind === 'dispatch' && r.room && r.createdAt !== null) toDelivered.observe({ level: level(r.level) }, Math.max(0, (r.deliveredAt - r.createdAt) / 1000));
      }
      const last = rows.at(-1)!;
      deliveredCursor = { at: last.deliveredAt, id: last.id };
    }
    // A chat message is counted once it was handled (a refusal is set while handling it); one
    // still unhandled after five minutes is passed over.
    const t = now();
    for (const r of inboundQ.all(inboundCursor)) {
      if (r.processedAt === null && r.refusedAt === null && r.receivedAt > t - 300_000) break;
      if (r.refusedAt !== null) refusals.inc();
      inboundCursor = r.rowid;
    }
    for (const r of confirmQ.all(confirmCursor)) {
      if (!r.resolution && r.expiresAt > t) break;
      confirmations.inc({ resolution: r.resolution ?? 'expired' });
      confirmCursor = r.id;
    }
  }

  let timer: NodeJS.Timeout | null = null;
  const safeTail = () => {
    try {
      tail();
    } catch {
      // SQLite busy or closing: the next tick or scrape reads the rest (cursors only move forward).
    }
  };

  return {
    registry,
    contentType: registry.contentType,
    async scrape() {
      safeTail();
      await collectGauges();
      return registry.metrics();
    },
    tail,
    timersRebuilt: () => rebuilt.inc(),
    sqliteBusy: () => busy.inc(),
    leadsFromHttp(ids) {
      for (const id of ids) {
        httpIds.add(id);
        if (httpIds.size > HTTP_SOURCE_LIMIT) httpIds.delete(httpIds.values().next().value!);
      }
    },
    sendRetried: () => retries.inc({ bot: deps.botId }),
    sendGivenUp: () => givenUp.inc({ bot: deps.botId }),
    start(tailEveryMs = 5000) {
      timer = setInterval(safeTail, tailEveryMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
