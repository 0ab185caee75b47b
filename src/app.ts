/**
 * Composition root: the only module that knows every adapter. Builds them from one Config
 * and returns `{ start, stop }`; one process runs core and one gateway (the default).
 */
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createGateway, type Gateway } from './chat/gateway.js';
import { createSandbox, type Sandbox } from './chat/sandbox.js';
import type { Config } from './config.js';
import { handleInbound } from './core/converse.js';
import { intakeLeads } from './core/intake.js';
import { fireDeadline } from './core/escalate.js';
import { createTimers, type Timers } from './queues/deadlines.js';
import { createShiftClock, type ShiftClock } from './cron/shifts.js';
import { createOutreachClock } from './cron/outreach.js';
import { createRetentionClock } from './cron/retention.js';
import { caseView } from './store/cases.js';
import { listSummaries } from './store/summaries.js';
import { indexOrg, type OrgIndex } from './domain/org.js';
import { createHttp } from './http/server.js';
import type { Log } from './log.js';
import { createInboundWorker } from './queues/inbound.js';
import { botIdFromProfile, INBOUND_QUEUE } from './queues/names.js';
import { reclaimActive } from './queues/reclaim.js';
import { checkEvictionPolicy, resolveRedis, type RedisEndpoint } from './queues/redis.js';
import { createRelay, type Relay } from './queues/relay.js';
import { openStore, type Store } from './store/db.js';
import { syncOrg } from './store/org.js';
import { isDelivered, recordDelivery } from './core/delivery.js';
import { markFailedByJob, outboxBacklog } from './store/outbox.js';
import { createOps, type Ops } from './ops/service.js';

export interface App {
  readonly config: Config;
  readonly botId: string;
  /** The org of the profile, indexed. */
  readonly org: OrgIndex;
  /** Base URL of the HTTP server, once started. */
  url(): string;
  store(): Store;
  sandbox(): Sandbox | null;
  /** The bot gateway (Wechaty), once started. */
  gateway(): Gateway | null;
  /** Metrics, watchdog and backups (issue 15). */
  ops: Ops;
  redisUrl(): string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface AppOptions {
  log: Log;
  now?: () => number;
  /** How often the outbox relay sweeps for rows left behind (ms). */
  relaySweepMs?: number;
  /** How often missed shift boundaries are looked for besides the cron ticks (ms). */
  shiftCheckMs?: number;
  /** How often timers are checked against a Redis that may have lost them (ms). */
  timerSweepMs?: number;
  /** Source of randomness for case ids (tests pin it). */
  random?: () => number;
}

/** Outbound messages are retried until WeChat takes them; capped backoff (see gateway). */
const OUTBOUND_JOB_OPTIONS = {
  attempts: 100_000,
  backoff: { type: 'custom' },
  removeOnComplete: { age: 3600 },
  // A message WeChat refused for good carries its text: kept a day for diagnosis, then gone (retention).
  removeOnFail: { age: 86_400 },
} as const;

/** /healthz answers 503 when a message has waited this long to be delivered (relay or WeChat stuck). */
const BACKLOG_ALARM_SECONDS = 300;

export function createApp(config: Config, options: AppOptions): App {
  const log = options.log;
  const now = options.now ?? Date.now;
  const botId = botIdFromProfile(config.profilePath);
  const org = indexOrg(config.profile.org);

  let store: Store | null = null;
  let redis: RedisEndpoint | null = null;
  let connection: Redis | null = null;
  let sandbox: Sandbox | null = null;
  let gateway: Gateway | null = null;
  let relay: Relay | null = null;
  let http: ReturnType<typeof createHttp> | null = null;
  let inboundWorker: ReturnType<typeof createInboundWorker> | null = null;
  let timers: Timers | null = null;
  let shiftClock: ShiftClock | null = null;
  let outreachClock: ReturnType<typeof createOutreachClock> | null = null;
  let retentionClock: ReturnType<typeof createRetentionClock> | null = null;
  const queues = new Map<string, Queue>();
  let baseUrl = '';
  let backlogTimer: NodeJS.Timeout | null = null;
  // --- ops (issue 15): metrics, watchdog, nightly backup, deployer pre-flight -----------------
  const ops: Ops = createOps(config, log, now);
  const redisUp = () => connection!.ping().then(() => true, () => false);
  const opsRuntime = () => ({ sqlite: store!.sqlite, botId, loggedIn: () => !!gateway?.loggedIn(), redisUp: () => Promise.race([redisUp(), new Promise<boolean>((r) => setTimeout(() => r(false), 1000).unref())]), redisUrl: redis!.url });
  // --- end ops ---------------------------------------------------------------------------------

  const queueFor = (name: string): Queue => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: connection!, prefix: config.queuePrefix, defaultJobOptions: OUTBOUND_JOB_OPTIONS });
      q.on('error', (err) => log.warn({ err, queue: name }, 'queue error'));
      queues.set(name, q);
    }
    return q;
  };

  async function health(): Promise<string[]> {
    const problems: string[] = [];
    try {
      store!.sqlite.prepare('select 1').get();
    } catch (err) {
      problems.push(`sqlite: ${(err as Error).message}`);
    }
    try {
      await Promise.race([connection!.ping(), new Promise((_, rej) => setTimeout(() => rej(new Error('no answer within 1 s')), 1000).unref())]);
    } catch (err) {
      problems.push(`redis: ${(err as Error).message}`);
    }
    if (!gateway?.loggedIn()) problems.push('gateway: the bot is not logged in to WeChat');
    const backlog = backlogNow();
    if (backlog.oldestAgeSeconds > BACKLOG_ALARM_SECONDS) {
      problems.push(`outbox: the oldest undelivered message has waited ${backlog.oldestAgeSeconds} s (${backlog.waiting} waiting)`);
    }
    return problems;
  }

  function backlogNow() {
    const b = outboxBacklog(store!.db);
    return { waiting: b.waiting, oldestAgeSeconds: b.oldestCreatedAt === null ? 0 : Math.max(0, Math.round((now() - b.oldestCreatedAt) / 1000)), failed: b.failed };
  }

  return {
    config,
    botId,
    org,
    url: () => baseUrl,
    store: () => store!,
    sandbox: () => sandbox,
    gateway: () => gateway,
    ops,
    redisUrl: () => redis!.url,
    async start() {
      await ops.beforeStart(); // ops (issue 15): one line and a non-zero exit for a token that does not resolve
      // Migrations may wait for another writer; then a short busy timeout for serving.
      store = openStore(config.databasePath);
      store.sqlite.pragma('busy_timeout = 200');
      syncOrg(store.db, config.profile.org);
      const db = store.db;

      redis = await resolveRedis(config.redisUrl, log);
      connection = new Redis(redis.url, { maxRetriesPerRequest: null });
      connection.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
      await checkEvictionPolicy(connection, log);

      relay = createRelay(db, queueFor, log.child({ module: 'queues.relay' }), now, () => connection!.ping());
      // Redis may have lost jobs while we were away from it: relay again on every reconnect.
      connection.on('ready', () => void relay?.kick());

      const policyCtx = { org, policy: config.profile.policy, timezone: config.profile.timezone };
      const onCaseChanged = (ids: string[]) => void timers?.schedule(ids);
      const escalate = { ...policyCtx, db, botId, log: log.child({ module: 'core.escalate' }), now, afterCommit: () => void relay!.kick(), onCaseChanged };
      timers = createTimers({ db, connection, prefix: config.queuePrefix, log, now, fire: (id, v) => fireDeadline(escalate, id, v), sweepEveryMs: options.timerSweepMs ?? 1000, onRedisLost: () => { void relay?.relayAllUndelivered(); ops.timersRebuilt(); } });

      if (config.sandbox) sandbox = createSandbox(org, config.profile.bot.name, db, log.child({ module: 'chat.sandbox' }), now);
      gateway = createGateway({
        botId,
        botName: config.profile.bot.name,
        puppet: sandbox ? sandbox.puppet : config.puppet.name,
        puppetToken: config.puppet.token,
        connection,
        prefix: config.queuePrefix,
        sendIntervalMs: config.profile.bot.sendInterval,
        log,
        onDelivered: (jobId) => recordDelivery(db, config.profile.bot.name, jobId, now()),
        isDelivered: (jobId) => isDelivered(db, jobId),
        onGivenUp: (jobId, reason) => {
          try {
            markFailedByJob(db, jobId, reason, now());
          } catch (err) {
            log.warn({ jobId, err: (err as Error).message }, 'cannot mark a message failed now; the sweep may relay it again');
          }
        },
        now,
      });

      const converse = {
        db,
        org,
        policy: config.profile.policy,
        timezone: config.profile.timezone,
        boundaries: config.profile.shifts.boundaries,
        botId,
        botName: config.profile.bot.name,
        log: log.child({ module: 'core.converse' }),
        now,
        afterCommit: () => void relay!.kick(),
        onCaseChanged,
      };
      inboundWorker = createInboundWorker(connection, config.queuePrefix, (msg) => handleInbound(converse, msg), log.child({ module: 'queues.inbound' }));

      const intake = {
        db,
        org,
        policy: config.profile.policy,
        timezone: config.profile.timezone,
        botId,
        log: log.child({ module: 'core.intake' }),
        now,
        random: options.random ?? Math.random,
        afterCommit: () => void relay!.kick(),
        onCaseChanged,
      };
      http = createHttp({
        log,
        db,
        health,
        healthDetails: () => ({ outbox: backlogNow() }),
        sandbox,
        intakeToken: config.intakeToken,
        intakeHmacSecret: config.intakeHmacSecret,
        intake: (body) => intakeLeads(intake, body),
        caseView: (id) => caseView(db, id),
        summaries: (unit, from, to) => listSummaries(db, unit, from, to),
        org,
        metrics: ops.metrics(opsRuntime()), // ops (issue 15): GET /metrics
      });
      await http.listen({ host: config.http.host, port: config.http.port });
      const addr = http.server.address() as AddressInfo;
      baseUrl = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;

      await gateway.start();
      if (sandbox) {
        const loggedIn = new Promise<void>((res) => gateway!.bot.once('login', () => res()));
        sandbox.login();
        await loggedIn;
      }
      await reclaimActive(queueFor(INBOUND_QUEUE), log);
      void inboundWorker.run();
      relay.start(options.relaySweepMs ?? 5000);
      // The backlog in the log once a minute while anything waits (a warning past the alarm).
      backlogTimer = setInterval(() => {
        const b = backlogNow();
        if (b.oldestAgeSeconds > BACKLOG_ALARM_SECONDS) log.warn(b, 'outbound messages are stuck');
        else if (b.waiting > 0) log.info(b, 'outbound backlog');
      }, 60_000);
      backlogTimer.unref();
      await timers.start();
      shiftClock = createShiftClock(
        { db, org, boundaries: config.profile.shifts.boundaries, timezone: config.profile.timezone, botId, log, now, afterCommit: () => void relay!.kick() },
        options.shiftCheckMs,
      );
      shiftClock.start();
      outreachClock = createOutreachClock(
        { db, org, timezone: config.profile.timezone, botId, remindWeekends: config.profile.outreach.remindWeekends, log, now, afterCommit: () => void relay!.kick() },
        { remindAt: config.profile.outreach.remindAt, ranking: config.profile.outreach.ranking },
      );
      outreachClock.start();
      retentionClock = createRetentionClock({ db, personalDataForMs: config.profile.retention.personalDataFor, log, now }, config.profile.timezone);
      retentionClock.start();
      await ops.start(opsRuntime()); // ops (issue 15)
      log.info({ url: baseUrl, botId, sandbox: sandbox ? `${baseUrl}/sandbox` : false, redis: redis.private ? 'private' : 'shared' }, 'GridGuard is up');
    },
    async stop() {
      // Stop taking work first, then let jobs in flight finish, then close the connections.
      if (backlogTimer) clearInterval(backlogTimer);
      await ops.stop(); // ops (issue 15)
      await http?.close();
      await inboundWorker?.close();
      await retentionClock?.stop();
      await outreachClock?.stop();
      await shiftClock?.stop();
      await timers?.stop();
      await relay?.stop();
      await gateway?.stop();
      await Promise.all([...queues.values()].map((q) => q.close()));
      await connection?.quit().catch(() => connection?.disconnect());
      store?.close();
      await redis?.stop();
      if (baseUrl) log.info('GridGuard stopped');
    },
  };
}
