/** Entry point: reads the configuration and runs the service (src/run-service.ts: signals, exit codes). */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.js';
import { runService } from './run-service.js';

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
  await runService(config);
}

void main();
