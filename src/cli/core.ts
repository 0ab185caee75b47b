/**
 * The core as the command line builds it: the same use cases over the same SQLite file as the
 * service, with ports that do nothing on their own — the running service's relay sends what a
 * command writes to the outbox within seconds, and its timer sweep arms the deadlines.
 */
import { coreSettingsOf, type Config } from '../config.js';
import { createCore, type Core } from '../core/index.js';
import { indexOrg } from '../domain/org.js';
import type { Log } from '../log.js';
import { openStore, type Store } from '../store/db.js';

/** Opens the database and builds the core on it; close the store when done. */
export function openCore(config: Config, log: Log, now: () => number = Date.now): { core: Core; store: Store } {
  const store = openStore(config.databasePath);
  const core = createCore(store, indexOrg(config.profile.org), coreSettingsOf(config.profile), { now, random: Math.random, log, outboxWritten: () => {}, timersChanged: () => {} });
  return { core, store };
}
