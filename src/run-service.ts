/**
 * Runs the service until a signal stops it, whatever this process's role (issue 17): `all`
 * (core and every account's gateway, what `npm start` runs), `core` alone, or one `gateway`.
 * Used by src/main.ts and by `gridguard start`.
 */
import { createApp } from './app.js';
import type { Config } from './config.js';
import { createGatewayApp } from './gateway-app.js';
import { createLog } from './log.js';
import { RedisUnavailableError } from './queues/redis.js';
import { PuppetServiceError } from './ops/puppet-service-check.js';
import { ChannelUnavailableError } from './chat/channels.js';

/** A signal repeated within this time is the same request delivered twice. */
const DUPLICATE_SIGNAL_MS = 1000;

export async function runService(config: Config): Promise<void> {
  const log = createLog(config.logLevel, undefined, { timezone: config.profile.timezone });
  const app = config.role === 'gateway' ? createGatewayApp(config, { log }) : createApp(config, { log, role: config.role });

  let stoppingSince: number | null = null;
  const shutdown = (signal: string) => {
    if (stoppingSince !== null) {
      // Ctrl-C in a terminal reaches us twice under `npm start` (from the terminal and forwarded
      // by npm): only a signal sent again later means "do not wait".
      if (Date.now() - stoppingSince < DUPLICATE_SIGNAL_MS) return;
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    stoppingSince = Date.now();
    log.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    await app.start();
  } catch (err) {
    if (err instanceof RedisUnavailableError || err instanceof PuppetServiceError || err instanceof ChannelUnavailableError) {
      process.stderr.write(`gridguard: ${err.message}\n`);
    } else {
      log.fatal({ err }, 'start-up failed');
    }
    await app.stop().catch(() => {});
    process.exit(1);
  }
}
