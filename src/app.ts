/**
 * Composition root: the only module that knows every adapter. `start` builds the services in
 * order — storage, Redis, core, queues, gateway, clocks, HTTP, operations — and `stop` stops
 * them in reverse, so work stops coming in before what it needs goes away.
 */
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createGateway, type Gateway } from './chat/gateway.js';
import { createSandbox, type Sandbox } from './chat/sandbox.js';
import { coreSettingsOf, type Config } from './config.js';
import { createCore, type Core } from './core/index.js';
import { createOutreachClock } from './cron/outreach.js';
import { createRetentionClock } from './cron/retention.js';
import { createShiftClock } from './cron/shifts.js';
import { indexOrg, type OrgIndex } from './domain/org.js';
import { createHttp } from './http/server.js';
import type { Log } from './log.js';
import { createBacklogLog, healthProblems } from './ops/health.js';
import { createOps, type Ops } from './ops/service.js';
import { createTimers, type Timers } from './queues/deadlines.js';
import { createInbound } from './queues/inbound.js';
import { createQueues } from './queues/queues.js';
import { checkEvictionPolicy, resolveRedis } from './queues/redis.js';
import { createRelay, type Relay } from './queues/relay.js';
import { openStore, type Store } from './store/db.js';
import { botIdFromProfile } from './wire/names.js';
import { createRedisOutage, type RedisOutage } from './wire/redis-outage.js';

export interface App {
  readonly config: Config;
  readonly botId: string;
  readonly org: OrgIndex;
  /** Metrics, watchdog and backups. */
  readonly ops: Ops;
  /** Base URL of the HTTP server; the parts below exist once started. */
  url(): string;
  store(): Store;
  core(): Core;
  sandbox(): Sandbox | null;
  gateway(): Gateway;
  redisUrl(): string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface AppOptions {
  log: Log;
  now?: () => number;
  /** Source of randomness for case ids (tests pin it). */
  random?: () => number;
  /** How often the outbox relay sweeps for rows left behind (ms). */
  relaySweepMs?: number;
  /** How often missed shift boundaries are looked for besides the cron ticks (ms). */
  shiftCheckMs?: number;
  /** How often timers are checked against a Redis that may have lost them (ms). */
  timerSweepMs?: number;
}

/** A part of the running service: started in order, stopped in reverse. */
interface Service {
  name: string;
  start(): unknown;
  stop(): unknown;
}

interface Running {
  url: string;
  store: Store;
  core: Core;
  sandbox: Sandbox | null;
  gateway: Gateway;
  redisUrl: string;
}

export function createApp(config: Config, options: AppOptions): App {
  const { log } = options;
  const now = options.now ?? Date.now;
  const botId = botIdFromProfile(config.profilePath);
  const org = indexOrg(config.profile.org);
  const ops = createOps(config, log, now);
  const p = config.profile;
  const started: Service[] = [];
  let outage: RedisOutage | null = null;
  let running: Running | undefined;
  const parts = (): Running => {
    if (!running) throw new Error('the app is not started');
    return running;
  };
  const begin = async (s: Service) => {
    await s.start();
    started.push(s);
  };

  return {
    config,
    botId,
    org,
    ops,
    url: () => parts().url,
    store: () => parts().store,
    core: () => parts().core,
    sandbox: () => parts().sandbox,
    gateway: () => parts().gateway,
    redisUrl: () => parts().redisUrl,
    async start() {
      await ops.beforeStart();
      // Migrations may wait for another writer; serving then uses a short busy timeout.
      const store = openStore(config.databasePath);
      store.sqlite.pragma('busy_timeout = 200');
      await begin({ name: 'sqlite', start: () => {}, stop: () => store.close() });
      const redis = await resolveRedis(config.redisUrl, log);
      await begin({ name: 'redis-server', start: () => {}, stop: () => redis.stop() });
      const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
      // Every Redis client reports its errors here: an outage is told once, not by each client.
      const redisOutage = createRedisOutage(log, redis.url, now);
      outage = redisOutage;
      redisOutage.watch(connection);
      const redisError = redisOutage.report;
      await begin({ name: 'redis', start: () => checkEvictionPolicy(connection, log), stop: () => connection.quit().catch(() => connection.disconnect()) });

      // Ports are wired to the relay and timers built right after: they are called only later.
      const late: { relay?: Relay; timers?: Timers } = {};
      const core = createCore(store, org, coreSettingsOf(p), {
        now,
        random: options.random ?? Math.random,
        log,
        outboxWritten: () => void late.relay?.kick(),
        timersChanged: (ids) => void late.timers?.schedule(ids),
      });
      const queues = createQueues(connection, config.queuePrefix, botId, redisError);
      const relay = createRelay(core.outbox, queues.get, log.child({ module: 'queues.relay' }), now, () => connection.ping());
      const timers = createTimers({ deadlines: core.timers, fire: core.fireDeadline, connection, prefix: config.queuePrefix, log, now, sweepEveryMs: options.timerSweepMs ?? 1000, redisError, onRedisLost: () => (void relay.relayAllUndelivered(), ops.timersRebuilt()) });
      Object.assign(late, { relay, timers });
      // Redis may have lost jobs while we were away from it: relay again on every reconnect.
      connection.on('ready', () => void relay.kick());
      const sandbox = config.sandbox ? createSandbox(org, p.bot.name, store.db, log.child({ module: 'chat.sandbox' }), now, { unbound: p.sandbox.unbound }) : null;
      const gateway = createGateway({ botId, botName: p.bot.name, puppet: sandbox ? sandbox.puppet : config.puppet.name, puppetToken: config.puppet.token, connection, prefix: config.queuePrefix, sendIntervalMs: p.bot.sendInterval, log, now, outbox: core.outbox, redisError });
      const health = { storeProblem: core.storeProblem, ping: () => connection.ping(), loggedIn: () => gateway.loggedIn(), backlog: core.outbox.backlog };
      const opsRuntime = { sqlite: store.sqlite, botId, loggedIn: health.loggedIn, redisUp: () => connection.ping().then(() => true, () => false), redisUrl: redis.url };
      const http = createHttp({
        log,
        health: () => healthProblems(health),
        healthDetails: () => ({ outbox: core.outbox.backlog() }),
        sandbox,
        intakeToken: config.intakeToken,
        intakeHmacSecret: config.intakeHmacSecret,
        intake: core.intake,
        caseView: core.caseView,
        summaries: core.summaries,
        org,
        metrics: ops.metrics(opsRuntime),
      });

      await begin({ name: 'queues', start: () => {}, stop: () => queues.close() });
      await begin({ name: 'gateway', start: () => gateway.start(sandbox), stop: () => gateway.stop() });
      await begin({ name: 'relay', start: () => relay.start(options.relaySweepMs ?? 5000), stop: () => relay.stop() });
      await begin({ name: 'timers', start: () => timers.start(), stop: () => timers.stop() });
      await begin(createInbound(connection, config.queuePrefix, core.handleMessage, log.child({ module: 'queues.inbound' }), redisError));
      for (const clock of [createShiftClock(core, log, options.shiftCheckMs), createOutreachClock(core, log, { remindAt: p.outreach.remindAt, ranking: p.outreach.ranking }), createRetentionClock(core, log), createBacklogLog(core.outbox.backlog, log)]) {
        await begin({ name: 'clock', start: () => clock.start(), stop: () => clock.stop() });
      }
      await begin({ name: 'http', start: () => http.listen({ host: config.http.host, port: config.http.port }), stop: () => http.close() });
      const addr = http.server.address() as AddressInfo;
      const url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
      running = { url, store, core, sandbox, gateway, redisUrl: redis.url };
      await begin({ name: 'ops', start: () => ops.start(opsRuntime), stop: () => ops.stop() });
      log.info({ url, botId, sandbox: sandbox ? `${url}/sandbox` : false, redis: redis.private ? 'private' : 'shared' }, 'GridGuard is up');
    },
    async stop() {
      const wasUp = !!running;
      // Connections close on purpose from here: no outage to tell.
      outage?.stopping();
      for (const s of started.splice(0).reverse()) {
        try {
          await s.stop();
        } catch (err) {
          log.warn({ service: s.name, err: (err as Error).message }, 'service did not stop cleanly');
        }
      }
      if (wasUp) log.info('GridGuard stopped');
    },
  };
}
