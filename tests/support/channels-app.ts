/**
 * The whole service in-process on a profile whose bot accounts speak WeCom or DingTalk (the
 * demo org, calm deadlines), against the local fakes: real SQLite file, real Redis under a
 * unique prefix, real HTTP. Secrets come through the environment, as in production.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { captureLog, type CapturedLog } from './log-capture.js';
import { deleteKeys, tempDir, TEST_REDIS_URL, testClock, uniquePrefix } from './env.js';

export interface ChannelApp {
  app: App;
  config: Config;
  logs: CapturedLog;
  prefix: string;
  now: () => number;
  cleanup(): Promise<void>;
}

type Raw = Record<string, any>;

/** Boots the app on the demo org with `bots` and extra member fields (`{ 李网格: { wecomId: 'lisi' } }`). */
export async function bootChannelApp(name: string, o: { bots: Raw[]; members?: Record<string, Raw>; rooms?: Record<string, Raw>; env: Record<string, string> }): Promise<ChannelApp> {
  const files = tempDir();
  const prefix = uniquePrefix(name);
  const profile = parse(readFileSync('bots/demo.yaml', 'utf8')) as Raw;
  profile.bot.sendInterval = '0ms';
  const calm = { ackWithin: '1h', resolveWithin: '2h', stepEvery: '1h', chain: ['assignee', 'lead'] };
  profile.policy = { urgent: calm, high: calm, medium: calm, low: { ...calm, chain: [] } };
  profile.bots = o.bots;
  for (const m of profile.org.members as Raw[]) Object.assign(m, o.members?.[m.name] ?? {});
  for (const r of profile.org.rooms as Raw[]) Object.assign(r, o.rooms?.[r.topic] ?? {});
  const path = join(files.dir, `${name}.yaml`);
  writeFileSync(path, stringify(profile));
  const config = loadConfig({
    GRIDGUARD_PROFILE: path,
    DATABASE_PATH: join(files.dir, 'gridguard.db'),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    HTTP_PORT: '0',
    LOG_LEVEL: 'debug',
    ...o.env,
  });
  const logs = captureLog();
  const now = testClock();
  const app = createApp(config, { log: logs.log, relaySweepMs: 1000, now });
  await app.start();
  return {
    app,
    config,
    logs,
    prefix,
    now,
    async cleanup() {
      await app.stop();
      await deleteKeys(prefix);
      files.cleanup();
    },
  };
}
