/**
 * Composition root of a gateway process (`gridguard start --role gateway --bot <id>`, issue 17):
 * one bot account on any machine that reaches core's Redis. It holds no state: no SQLite, no
 * HTTP. It consumes `outbound-<id>`, produces `inbound` jobs, writes its heartbeat, and sends
 * its delivery reports to core through the `deliveries` queue. In sandbox mode its mock WeChat
 * lives in memory, and what it says reaches core's transcript with the reports.
 */
import { Redis } from 'ioredis';
import { createChannelGateway, type ChannelGateway } from './chat/channels.js';
import { registerChannelAdapters } from './channels/index.js';
import { queueReporter } from './chat/delivery-reporter.js';
import { createSandboxes } from './chat/sandbox-accounts.js';
import { accountsOf, type Config } from './config.js';
import { accountRouting } from './domain/accounts.js';
import { indexOrg } from './domain/org.js';
import type { Log } from './log.js';
import { RedisUnavailableError } from './queues/redis.js';
import { openStore, type Store } from './store/db.js';
import { syncOrg } from './store/org.js';
import { createRedisOutage } from './wire/redis-outage.js';

export interface GatewayApp {
  readonly botId: string;
  gateway(): ChannelGateway;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createGatewayApp(config: Config, options: { log: Log; now?: () => number }): GatewayApp {
  const { log } = options;
  const now = options.now ?? Date.now;
  const bots = accountsOf(config);
  const account = bots.find((b) => b.id === config.bot) ?? bots[0]!;
  const stops: (() => unknown)[] = [];
  let gateway: ChannelGateway | null = null;
  return {
    botId: account.id,
    gateway: () => {
      if (!gateway) throw new Error('the gateway is not started');
      return gateway;
    },
    async start() {
      // A gateway never starts a private Redis: it must reach core's.
      const url = config.redisUrl ?? 'redis://127.0.0.1:6379';
      const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
      const outage = createRedisOutage(log, url, now);
      outage.watch(connection);
      try {
        await connection.connect();
      } catch {
        connection.disconnect();
        throw new RedisUnavailableError(`Redis at ${url} does not answer; a gateway needs core's Redis: set REDIS_URL`);
      }
      stops.push(() => connection.quit().catch(() => connection.disconnect()), () => outage.stopping());
      let store: Store | null = null;
      let sandbox = null;
      if (config.sandbox) {
        // The mock world of this account only; its transcript is core's (through the reports).
        store = openStore(':memory:');
        const s = store;
        stops.push(() => s.close());
        const org = indexOrg(config.profile.org);
        syncOrg(store.db, config.profile.org);
        const sandboxes = createSandboxes({ org, accounts: [account], local: new Set([account.id]), routing: accountRouting(org, config.profile.org.rooms, bots.map((b) => b.id)), db: store.db, log: log.child({ module: 'chat.sandbox' }), now, unbound: config.profile.sandbox.unbound, multi: !!config.profile.bots });
        sandbox = sandboxes.of(account.id) ?? null;
      }
      registerChannelAdapters(config);
      gateway = createChannelGateway({
        account,
        connection,
        prefix: config.queuePrefix,
        log,
        now,
        reporter: queueReporter(connection, config.queuePrefix, log.child({ module: 'chat.deliveries', botId: account.id }), outage.report),
        redisError: outage.report,
        puppet: sandbox ? sandbox.puppet : config.puppet.name,
        puppetToken: config.puppet.token,
        sandbox,
        transcribe: !!sandbox,
      });
      const g = gateway;
      await g.start();
      stops.push(() => g.stop());
      log.info({ role: 'gateway', botId: account.id, channel: account.channel, sandbox: !!sandbox }, 'GridGuard gateway is up');
    },
    async stop() {
      for (const s of stops.splice(0).reverse()) {
        try {
          await s();
        } catch (err) {
          log.warn({ err: (err as Error).message }, 'gateway part did not stop cleanly');
        }
      }
    },
  };
}
