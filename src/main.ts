/** Entry point: reads the configuration, starts the app, handles signals and exit codes. */
import { existsSync } from 'node:fs';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLog } from './log.js';
import { RedisUnavailableError } from './queues/redis.js';
import { PuppetServiceError } from './ops/puppet-service-check.js';

/** A signal repeated within this time is the same request delivered twice. */
const DUPLICATE_SIGNAL_MS = 1000;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`gridguard: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLog(config.logLevel, undefined, { timezone: config.profile.timezone });
  const app = createApp(config, { log });

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
    if (err instanceof RedisUnavailableError || err instanceof PuppetServiceError) {
      process.stderr.write(`gridguard: ${err.message}\n`);
    } else {
      log.fatal({ err }, 'start-up failed');
    }
    await app.stop().catch(() => {});
    process.exit(1);
  }
}

void main();
