/**
 * The wire between processes (core and gateways share only Redis): queue names and job ids.
 * Queue names and job ids. BullMQ refuses `:` in queue names and job ids and treats
 * all-digit ids specially (NOTES.md), so the contract's `outbound:<botId>` is the queue
 * `outbound-<botId>`, and every id is built here, deterministic and colon-free.
 */

export const INBOUND_QUEUE = 'inbound';

/** The per-account outbound queue: the unit of rate limiting (one WeChat account). */
export function outboundQueue(botId: string): string {
  return `outbound-${botId}`;
}

/** Makes any string safe inside a job id. */
export function safeId(part: string): string {
  return part.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** Delivery reports: gateways (any process) tell core what reached WeChat; core alone writes SQLite. */
export const DELIVERIES_QUEUE = 'deliveries';

export const jobIds = {
  inbound: (botId: string, messageId: string) => `in-${safeId(botId)}-${safeId(messageId)}`,
  /** One report per message and outcome: a report added twice is one job. */
  delivery: (jobId: string, outcome: 'sent' | 'failed') => `dl-${outcome}-${safeId(jobId)}`,
  /** The copy of a message on its room's backup account while the primary is down. */
  failover: (jobId: string, botId: string) => `${safeId(jobId)}-via-${safeId(botId)}`,
};

/** Derives a bot id from the profile path: `bots/demo.yaml` → `demo`. */
export function botIdFromProfile(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? 'bot';
  return safeId(base.replace(/\.ya?ml$/i, '')) || 'bot';
}
