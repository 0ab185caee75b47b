/**
 * Composition root: the only module that knows every adapter. `start` builds the services in
 * order — storage, Redis, core, queues, gateway, clocks, HTTP, operations — and `stop` stops
 * them in reverse, so work stops coming in before what it needs goes away.
 */
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createChannelGateway, type ChannelGateway } from './chat/channels.js';
import { mountChannelRoutes, registerChannelAdapters } from './channels/index.js';
import { bindRosterIds } from './channels/roster-bind.js';
import { directReporter } from './chat/delivery-reporter.js';
import type { Gateway } from './chat/gateway.js';
import type { Sandbox } from './chat/sandbox.js';
import { createSandboxes, type Sandboxes } from './chat/sandbox-accounts.js';
import { accountsOf, coreSettingsOf, type Config } from './config.js';
import { accountRouting } from './domain/accounts.js';
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
import { createAccounts, type Accounts } from './queues/accounts.js';
import { createDeliveries } from './queues/deliveries.js';
import { createRelay, type Relay } from './queues/relay.js';
import { openStore, type Store } from './store/db.js';
import { sandboxImage } from './store/sandbox-images.js';
import { giveCommand } from './wire/accounts.js';
import { createRedisOutage, type RedisOutage } from './wire/redis-outage.js';

export interface App {
  readonly config: Config;
  /** The first bot account's id (the only one of a profile without `bots`). */
  readonly botId: string;
  readonly org: OrgIndex;
  /** `all`: core and every account's gateway; `core`: core alone (gateways run elsewhere). */
  readonly role: 'all' | 'core';
  /** Metrics, watchdog and backups. */
  readonly ops: Ops;
  /** Base URL of the HTTP server; the parts below exist once started. */
  url(): string;
  store(): Store;
  core(): Core;
  /** The first account's sandbox (the single account of a profile without `bots`). */
  sandbox(): Sandbox | null;
  /** Every account's sandbox, as the HTTP API sees it. */
  sandboxes(): Sandboxes | null;
  gateway(): Gateway;
  /** Every account's gateway in this process. */
  gateways(): ChannelGateway[];
  /** Core's view of the accounts: health, failover. */
  accounts(): Accounts;
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
  /** `all` (default): core and every account's gateway in this process; `core`: core alone. */
  role?: 'all' | 'core';
}

/** How long a stop waits for requests still being answered (a phone on a stalled link, say). */
const HTTP_CLOSE_GRACE_MS = 3000;

/**
 * Closes the HTTP server: idle connections at once, the rest after a grace period, so a client
 * that stopped reading (found: a test left a page unread and the stop waited forever) cannot
 * hold the service up.
 */
async function closeHttp(http: { close(): PromiseLike<unknown>; server: { closeAllConnections(): void } }): Promise<void> {
  const force = setTimeout(() => http.server.closeAllConnections(), HTTP_CLOSE_GRACE_MS);
  try {
    await http.close();
  } finally {
    clearTimeout(force);
  }
}

/** How long one part may take to stop before the next one is stopped anyway. */
const STOP_GRACE_MS = 5_000;

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
  sandboxes: Sandboxes | null;
  gateways: ChannelGateway[];
  accounts: Accounts;
  redisUrl: string;
}

export function createApp(config: Config, options: AppOptions): App {
  const { log } = options;
  const now = options.now ?? Date.now;
  const role = options.role ?? 'all';
  const bots = accountsOf(config);
  const botId = bots[0]!.id;
  const org = indexOrg(config.profile.org);
  const routing = accountRouting(org, config.profile.org.rooms, bots.map((b) => b.id));
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
    role,
    ops,
    url: () => parts().url,
    store: () => parts().store,
    core: () => parts().core,
    sandbox: () => parts().sandboxes?.first() ?? null,
    sandboxes: () => parts().sandboxes,
    gateway: () => {
      const g = parts().gateways.find((x) => x.wechaty)?.wechaty;
      if (!g) throw new Error('no Wechaty gateway runs in this process');
      return g;
    },
    gateways: () => parts().gateways,
    accounts: () => parts().accounts,
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
      // Several accounts (issue 17): each message goes to its room's account; a down account's urgent ones to the backup.
      const accounts = createAccounts({ accounts: bots, routing, redis: connection, prefix: config.queuePrefix, queueFor: queues.get, outbox: core.outbox, log, now, changed: (s) => ops.accountChanged(s) });
      const relay = createRelay(core.outbox, queues.get, log.child({ module: 'queues.relay' }), now, () => connection.ping(), accounts.place);
      const timers = createTimers({ deadlines: core.timers, fire: core.fireDeadline, connection, prefix: config.queuePrefix, log, now, sweepEveryMs: options.timerSweepMs ?? 1000, redisError, onRedisLost: () => (void relay.relayAllUndelivered(), ops.timersRebuilt()) });
      Object.assign(late, { relay, timers });
      // Redis may have lost jobs while we were away from it: relay again on every reconnect.
      connection.on('ready', () => void relay.kick());
      // Roster platform ids (WeCom, DingTalk) are bound before the sandbox binds its mock contacts.
      bindRosterIds(store.db, p.channels, bots, log, now());
      const local = new Set(role === 'all' ? bots.map((b) => b.id) : []);
      const sandboxes = config.sandbox
        ? createSandboxes({
            org,
            accounts: bots,
            local: new Set(bots.filter((b) => local.has(b.id) && b.channel === 'wechaty').map((b) => b.id)),
            routing,
            db: store.db,
            log: log.child({ module: 'chat.sandbox' }),
            now,
            unbound: p.sandbox.unbound,
            multi: !!p.bots,
            remote: { loggedIn: (id) => accounts.state(id)?.loggedIn ?? null, failedOver: (id) => accounts.state(id)?.failedOver ?? false, command: (id, c) => giveCommand(connection, config.queuePrefix, id, c) },
          })
        : null;
      registerChannelAdapters(config);
      const gateways = bots
        .filter((b) => local.has(b.id))
        .map((account) => {
          const sb = sandboxes?.of(account.id) ?? null;
          return createChannelGateway({ account, connection, prefix: config.queuePrefix, log, now, reporter: directReporter(core.outbox, log.child({ module: 'chat.deliveries', botId: account.id })), redisError, puppet: sb ? sb.puppet : config.puppet.name, puppetToken: config.puppet.token, sandbox: sb, transcribe: false });
        });
      // Every account logged in: through its gateway here, or its heartbeat from elsewhere.
      const loggedIn = () => bots.every((b) => gateways.find((g) => g.account.id === b.id)?.loggedIn() ?? (accounts.state(b.id)?.up && accounts.state(b.id)?.loggedIn === true));
      const health = { storeProblem: core.storeProblem, ping: () => connection.ping(), loggedIn, backlog: core.outbox.backlog };
      const opsRuntime = { sqlite: store.sqlite, botId, loggedIn: health.loggedIn, redisUp: () => connection.ping().then(() => true, () => false), redisUrl: redis.url, ...(bots.length > 1 ? { accounts: () => accounts.states() } : {}) };
      const http = createHttp({
        log,
        health: () => healthProblems(health),
        healthDetails: () => ({ outbox: core.outbox.backlog() }),
        sandbox: sandboxes,
        intakeToken: config.intakeToken,
        intakeHmacSecret: config.intakeHmacSecret,
        intake: core.intake,
        caseView: core.caseView,
        summaries: core.summaries,
        org,
        metrics: ops.metrics(opsRuntime),
        board: { ...core.board, linkSecret: config.boardLinkSecret, now },
        sandboxImage: (seq) => sandboxImage(store.db, seq),
      });
      // WeCom callbacks on this server (issue 18).
      mountChannelRoutes(gateways, http);

      await begin({ name: 'queues', start: () => {}, stop: () => queues.close() });
      for (const g of gateways) await begin({ name: `gateway ${g.account.id}`, start: () => g.start(), stop: () => g.stop() });
      await begin({ name: 'relay', start: () => relay.start(options.relaySweepMs ?? 5000), stop: () => relay.stop() });
      await begin({ name: 'timers', start: () => timers.start(), stop: () => timers.stop() });
      // A room with two accounts is heard by both: core listens to the one that serves it now.
      await begin(createInbound(connection, config.queuePrefix, (msg) => (accounts.accepts(msg) ? core.handleMessage(msg) : undefined), log.child({ module: 'queues.inbound' }), redisError));
      await begin(createDeliveries({ connection, prefix: config.queuePrefix, outbox: core.outbox, nameOf: (id) => bots.find((b) => b.id === id)?.name ?? id, log: log.child({ module: 'queues.deliveries' }), redisError }));
      await begin({ name: 'accounts', start: () => accounts.start(), stop: () => accounts.stop() });
      for (const clock of [createShiftClock(core, log, options.shiftCheckMs), createOutreachClock(core, log, { remindAt: p.outreach.remindAt, ranking: p.outreach.ranking }), createRetentionClock(core, log), createBacklogLog(core.outbox.backlog, log)]) {
        await begin({ name: 'clock', start: () => clock.start(), stop: () => clock.stop() });
      }
      await begin({ name: 'http', start: () => http.listen({ host: config.http.host, port: config.http.port }), stop: () => closeHttp(http) });
      const addr = http.server.address() as AddressInfo;
      const url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
      running = { url, store, core, sandboxes, gateways, accounts, redisUrl: redis.url };
      await begin({ name: 'ops', start: () => ops.start(opsRuntime), stop: () => ops.stop() });
      log.info({ url, botId, role, bots: gateways.map((g) => g.account.id), sandbox: sandboxes ? `${url}/sandbox` : false, redis: redis.private ? 'private' : 'shared' }, 'GridGuard is up');
    },
    async stop() {
      const wasUp = !!running;
      // Connections close on purpose from here: no outage to tell.
      outage?.stopping();
      for (const s of started.splice(0).reverse()) {
        const began = Date.now();
        // A part whose stop hangs (a connection that never answers) must not keep the rest
        // from stopping: after STOP_GRACE_MS the next one stops, and the log names the part.
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STOP_GRACE_MS)));
        try {
          log.debug({ service: s.name }, 'stopping');
          const outcome = await Promise.race([Promise.resolve(s.stop()).then(() => 'done' as const), grace]);
          if (outcome === 'late') log.warn({ service: s.name, waitedMs: Date.now() - began }, 'service did not stop in time; stopping the rest');
        } catch (err) {
          log.warn({ service: s.name, err: (err as Error).message }, 'service did not stop cleanly');
        } finally {
          clearTimeout(timer);
        }
      }
      if (wasUp) log.info('GridGuard stopped');
    },
  };
}
