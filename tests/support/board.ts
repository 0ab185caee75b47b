/** Reading the case board's server-sent events in a test: await the snapshot that shows what you expect. */
import { signBoardLink, boardLinkQuery } from '../../src/wire/board-link.js';

export interface BoardEvent {
  event: string;
  data: string;
  at: number;
}

export interface BoardStream {
  status: number;
  /** Every event so far, raw (for leak checks). */
  events: BoardEvent[];
  /** Resolves with the first event (already received or coming) whose parsed data matches; rejects after `timeoutMs`. */
  next(event: string, match: (data: any) => boolean, timeoutMs?: number): Promise<{ data: any; at: number }>;
  close(): void;
}

export async function openBoardStream(url: string, headers: Record<string, string> = {}): Promise<BoardStream> {
  const ctrl = new AbortController();
  const res = await fetch(url, { headers, signal: ctrl.signal });
  const events: BoardEvent[] = [];
  const waiters = new Set<() => void>();
  if (res.ok && res.body) {
    void (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
            if (event) events.push({ event, data, at: Date.now() });
            waiters.forEach((w) => w());
          }
        }
      } catch {
        // Aborted.
      }
    })();
  }
  return {
    status: res.status,
    events,
    next(event, match, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < events.length; seen++) {
            const e = events[seen]!;
            if (e.event !== event) continue;
            const data = JSON.parse(e.data);
            if (match(data)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve({ data, at: e.at });
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching "${event}" event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => ctrl.abort(),
  };
}

/** A signed board link's query for `unit`, valid until `expiresAt`. */
export const linkQuery = (secret: string, unit: string, expiresAt: number) => boardLinkQuery(signBoardLink(secret, unit, expiresAt));
