/** Entry point: reads the configuration and runs the service (src/run-service.ts: signals, exit codes). */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.js';

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
  // A configured Redis that does not answer is said in one line before the service's many modules
  // load, so a deployer hears it at once (app start-up says the same, for `gridguard start`).
  if (config.redisUrl) {
    const { redisAnswers, unansweredRedis } = await import('./queues/redis.js');
    if (!(await redisAnswers(config.redisUrl, 3000))) {
      process.stderr.write(`gridguard: ${unansweredRedis(config.redisUrl)}\n`);
      process.exit(1);
    }
  }
  const { runService } = await import('./run-service.js');
  await runService(config);
}

void main();
