/**
 * A local stand-in for the WeCom and DingTalk robots and a generic webhook: a real HTTP
 * server that records every request and answers as the robots do (`{"errcode":0}`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  at: number;
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
}

export interface FakeWebhook {
  url: string;
  received: Received[];
  /** Requests to `path` so far. */
  on(path: string): Received[];
  /** Resolves when `count` requests matching `match` arrived; rejects after `timeoutMs`. */
  waitFor(match: (r: Received) => boolean, count?: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startFakeWebhook(): Promise<FakeWebhook> {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // kept as text
      }
      received.push({ at: Date.now(), method: req.method ?? '', path: u.pathname, query: u.searchParams, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
      for (const w of waiters) w();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    on: (path) => received.filter((r) => r.path === path),
    waitFor(match, count = 1, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hits = received.filter(match);
          if (hits.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hits);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fewer than ${count} matching webhook requests within ${timeoutMs} ms (got ${received.filter(match).length})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
