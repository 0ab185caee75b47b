/**
 * Boots the whole service in-process in sandbox mode (real SQLite file, real Redis under a
 * unique prefix, real Wechaty with the mock puppet, real HTTP) and lets a test speak as a
 * member and await the bot's answer — cf. puppet-mock's createFixture().
 */
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config, type Profile } from '../../src/config.js';
import type { TranscriptEntry } from '../../src/store/transcript.js';
import { captureLog, type CapturedLog } from './log-capture.js';
import { deleteKeys, tempDir, TEST_REDIS_URL, testClock, uniquePrefix } from './env.js';

export interface SandboxFixture {
  app: App;
  config: Config;
  logs: CapturedLog;
  /** The app's clock: expected times in a test are derived from it, never from the hour the test runs. */
  now: () => number;
  /** Says something as a member in a room (topic) or privately to the bot (`'bot'`). */
  say(from: string, where: string, text: string, quoteSeq?: number, image?: boolean): Promise<number>;
  /** Resolves with the first bot message after `afterSeq` that matches; rejects after `timeoutMs`. */
  botMessage(match: (m: TranscriptEntry) => boolean, afterSeq?: number, timeoutMs?: number): Promise<TranscriptEntry>;
  messages(after?: number): Promise<TranscriptEntry[]>;
  /** Stops the app, keeping the database and Redis keys (for restart tests). */
  stop(): Promise<void>;
  /** Starts a new app on the same database and prefix. */
  restart(): Promise<SandboxFixture>;
  /** Stops the app and removes its files and Redis keys. */
  cleanup(): Promise<void>;
}

export interface SandboxOptions {
  profile?: string;
  /** Changes to the loaded profile (e.g. shorter durations). */
  tweak?: (p: Profile) => Profile;
  env?: Record<string, string>;
}

export async function bootSandbox(name: string, options: SandboxOptions = {}): Promise<SandboxFixture> {
  const files = tempDir();
  const prefix = uniquePrefix(name);
  const clock = testClock();
  const start = async (): Promise<SandboxFixture> => {
    const loaded = loadConfig({
      GRIDGUARD_PROFILE: options.profile ?? 'bots/demo.yaml',
      DATABASE_PATH: join(files.dir, 'gridguard.db'),
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      HTTP_PORT: '0',
      LOG_LEVEL: 'debug',
      ...options.env,
    });
    // Tests do not wait for the anti-ban send interval.
    const base: Profile = { ...loaded.profile, bot: { ...loaded.profile.bot, sendInterval: 0 } };
    const config: Config = { ...loaded, profile: options.tweak ? options.tweak(base) : base };
    const logs = captureLog();
    const app = createApp(config, { log: logs.log, relaySweepMs: 1000, now: clock });
    await app.start();
    const sandbox = app.sandbox()!;
    let stopped = false;

    const fixture: SandboxFixture = {
      app,
      config,
      logs,
      now: clock,
      async say(from, where, text, quoteSeq, image) {
        const body = where === 'bot' ? { from, to: 'bot', text, quoteSeq, image } : { from, room: where, text, quoteSeq, image };
        const res = await fetch(`${app.url()}/sandbox/say`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const json = (await res.json()) as { seq?: number; error?: string };
        if (!res.ok || json.seq === undefined) throw new Error(`say failed: ${res.status} ${json.error}`);
        return json.seq;
      },
      async messages(after = 0) {
        const res = await fetch(`${app.url()}/sandbox/messages?after=${after}`);
        return (await res.json()) as TranscriptEntry[];
      },
      botMessage(match, afterSeq = 0, timeoutMs = 5000) {
        const botName = config.profile.bot.name;
        const wanted = (m: TranscriptEntry) => m.seq > afterSeq && m.from === botName && match(m);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            off();
            reject(new Error(`no matching bot message within ${timeoutMs} ms`));
          }, timeoutMs);
          const off = sandbox.onMessage((m) => {
            if (!wanted(m)) return;
            clearTimeout(timer);
            off();
            resolve(m);
          });
          // It may already be there. (The app may be stopped by the time this answers: ignore that.)
          fixture
            .messages(afterSeq)
            .then((list) => {
              const found = Array.isArray(list) ? list.find(wanted) : undefined;
              if (found) {
                clearTimeout(timer);
                off();
                resolve(found);
              }
            })
            .catch(() => {});
        });
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.stop();
      },
      restart: async () => {
        await fixture.stop();
        return start();
      },
      async cleanup() {
        await fixture.stop();
        await deleteKeys(prefix);
        files.cleanup();
      },
    };
    return fixture;
  };
  return start();
}
