/**
 * The live case board (DESIGN.md "Additions": `GET /board`). Access by the bearer token (as
 * `/api/*`) or by a signed, expiring link for one unit (`gridguard board-link UNIT`), which opens
 * that unit and the units below it. Routes:
 * - `GET /board` — the page (no data in it; a wrong or expired link is refused here already);
 * - `GET /board/events` — server-sent events: `snapshot` on every change, `charts` when they change;
 * - `GET /board/snapshot`, `GET /board/charts` — the same as JSON;
 * - `GET /board/echarts.js` — Apache ECharts, served from node_modules (no CDN).
 * Query: `unit` (the board's unit; with a link, the signed one), `exp` and `sig` (a link),
 * `show` (a unit below `unit` to show instead), `wall=1` and `cycle=<seconds>` (the page's
 * wall-screen mode). Anything else, or anything malformed, answers 400.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { OrgIndex } from '../domain/org.js';
import { verifyBoardLink } from '../wire/board-link.js';
import { createBoardHub, type BoardHubOptions, type BoardSource } from './board-hub.js';
import { tokenMatches } from './guard.js';

export interface BoardDeps extends BoardSource {
  org: OrgIndex;
  /** Bearer token of `/api/*` (null: loopback only, open). */
  token: string | null;
  /** Secret of signed links (`BOARD_LINK_SECRET`, else `INTAKE_TOKEN`); null: no link is valid. */
  linkSecret: string | null;
  /** The app's clock (link expiry). */
  now: () => number;
  hub?: BoardHubOptions;
}

const PAGE = new URL('./board-page.html', import.meta.url);
const ECHARTS = createRequire(import.meta.url).resolve('echarts/dist/echarts.common.min');

const code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'expected a unit code');
const query = z
  .object({
    unit: code.optional(),
    show: code.optional(),
    exp: z.string().regex(/^\d{1,12}$/, 'expected Unix seconds').optional(),
    sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected the signature of a board link').optional(),
    // Read by the page only: wall-screen mode and its cycle in seconds.
    wall: z.enum(['0', '1']).optional(),
    cycle: z.string().regex(/^\d{1,4}$/, 'expected seconds').optional(),
  })
  .strict();

type Access = { ok: true; unit: string } | { ok: false; status: number; field?: string; error: string };

/** The root unit: the board of a token holder who names none. */
const rootOf = (org: OrgIndex) => org.org.units.find((u) => !u.parent || !org.unit(u.parent))?.code ?? org.org.units[0]?.code ?? '';

/** Who may see which unit: a valid link opens its unit's subtree, the token (or no token on loopback) every unit. */
function access(deps: BoardDeps, req: FastifyRequest): Access {
  const parsed = query.safeParse(req.query ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, status: 400, field: String(issue.path[0] ?? issue.path.join('.') ?? 'query'), error: issue.message };
  }
  const q = parsed.data;
  let scope: string;
  if (q.exp !== undefined || q.sig !== undefined) {
    if (q.exp === undefined || q.sig === undefined || q.unit === undefined) return { ok: false, status: 400, field: q.unit === undefined ? 'unit' : q.exp === undefined ? 'exp' : 'sig', error: 'a board link has unit, exp and sig' };
    const check = verifyBoardLink(deps.linkSecret, { unit: q.unit, exp: Number(q.exp), sig: q.sig }, deps.now());
    if (!check.ok) return { ok: false, status: 403, error: check.reason === 'expired' ? '链接已过期，请向管理员重新获取' : '链接无效，请向管理员重新获取' };
    scope = q.unit;
  } else {
    if (deps.token && !tokenMatches(req.headers.authorization, deps.token)) return { ok: false, status: 401, error: '需要令牌（Authorization: Bearer）或 gridguard board-link 生成的链接' };
    scope = q.unit ?? rootOf(deps.org);
  }
  if (!deps.org.unit(scope)) return { ok: false, status: 400, field: 'unit', error: `unknown unit "${scope}"` };
  const shown = q.show ?? scope;
  if (!deps.org.unit(shown)) return { ok: false, status: 400, field: 'show', error: `unknown unit "${shown}"` };
  if (!deps.org.subtree(scope).has(shown)) return { ok: false, status: 403, error: '该链接不能查看这个单位' };
  return { ok: true, unit: shown };
}

function refuse(reply: FastifyReply, a: Exclude<Access, { ok: true }>) {
  if (a.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(a.status).send(a.field ? { error: `${a.field}: ${a.error}`, errors: [{ field: a.field, message: a.error }] } : { error: a.error });
}

export function registerBoard(app: FastifyInstance, deps: BoardDeps): void {
  const page = readFileSync(PAGE, 'utf8');
  const echarts = readFileSync(ECHARTS);
  const echartsGz = gzipSync(echarts);
  const hub = createBoardHub(deps, { log: app.log, ...deps.hub });
  // Open streams would keep the server from closing.
  app.addHook('preClose', async () => hub.close());

  app.get('/board', async (req, reply) => {
    const a = access(deps, req);
    // The page holds no data: a token holder's browser sends the token with its requests
    // (`/board#token=…`), so only a link is checked here.
    if (!a.ok && a.status !== 401) return reply.code(a.status).type('text/html; charset=utf-8').send(refusalPage(a.error));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(page);
  });

  app.get('/board/echarts.js', async (req, reply) => {
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(echartsGz);
    return reply.send(echarts);
  });

  app.get('/board/snapshot', async (req, reply) => {
    const a = access(deps, req);
    if (!a.ok) return refuse(reply, a);
    return deps.snapshot(a.unit);
  });

  app.get('/board/charts', async (req, reply) => {
    const a = access(deps, req);
    if (!a.ok) return refuse(reply, a);
    return deps.charts(a.unit);
  });

  app.get('/board/events', async (req, reply) => {
    const a = access(deps, req);
    if (!a.ok) return refuse(reply, a);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 2000\n\n');
    const unsubscribe = hub.subscribe(
      a.unit,
      (event, data) => {
        res.write(`event: ${event}\ndata: ${data}\n\n`);
      },
      () => res.end(),
    );
    req.raw.on('close', unsubscribe);
  });
}

/** A short page for a refused link (the reason in Chinese, nothing else). */
function refusalPage(reason: string): string {
  const safe = reason.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>网格哨兵 · 案件看板</title></head><body style="font-family:sans-serif;padding:2em;color:#1f2937"><h1 style="font-size:1.3em">无法打开看板</h1><p>${safe}</p></body></html>`;
}
