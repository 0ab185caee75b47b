/**
 * `gridguard board-link UNIT`: a signed link to the unit's live case board that expires, for a
 * supervisor's phone or a wall screen, without the centre's token (DESIGN.md "Additions").
 */
import type { Config } from '../config.js';
import { formatLocalDateTime } from '../domain/format.js';
import { boardLinkQuery, signBoardLink } from '../wire/board-link.js';

export interface BoardLinkOptions {
  days: number;
  /** Base URL the supervisor reaches the service at; default from HTTP_HOST and HTTP_PORT. */
  base?: string | undefined;
  /** Open in wall-screen mode (dark, full screen, cycling the units below). */
  wall?: boolean;
  now?: number;
}

export type BoardLinkResult = { ok: true; url: string; text: string } | { ok: false; problem: string };

/** The longest a link may live: a lost phone keeps its link until then (or until the secret changes). */
export const MAX_LINK_DAYS = 366;

/**
 * Signs a link to `unit`'s board valid for `days`.
 * @example boardLink(config, 'C1', { days: 7 }) // { ok: true, url: 'http://127.0.0.1:8787/board?unit=C1&exp=…&sig=…', … }
 */
export function boardLink(config: Config, unit: string, o: BoardLinkOptions): BoardLinkResult {
  const u = config.profile.org.units.find((x) => x.code === unit);
  if (!u) return { ok: false, problem: `UNIT: unknown unit "${unit}" (units: ${config.profile.org.units.map((x) => x.code).join(', ')})` };
  if (!Number.isFinite(o.days) || o.days <= 0 || o.days > MAX_LINK_DAYS) return { ok: false, problem: `--days: expected a number of days from 0.01 to ${MAX_LINK_DAYS}` };
  if (!config.boardLinkSecret) return { ok: false, problem: 'no secret to sign with: set BOARD_LINK_SECRET (16+ characters) or INTAKE_TOKEN, the same as the running service' };
  let base = o.base ?? defaultBase(config);
  try {
    base = new URL(base).toString().replace(/\/$/, '');
  } catch {
    return { ok: false, problem: `--base: expected a URL like https://gridguard.example.org, not "${o.base}"` };
  }
  const now = o.now ?? Date.now();
  const link = signBoardLink(config.boardLinkSecret, unit, now + o.days * 86_400_000);
  const url = `${base}/board?${boardLinkQuery(link)}${o.wall ? '&wall=1' : ''}`;
  const until = formatLocalDateTime(link.exp * 1000, config.profile.timezone);
  return { ok: true, url, text: `${u.name}（${u.code}）案件看板，有效至 ${until}：\n${url}` };
}

function defaultBase(config: Config): string {
  const host = ['0.0.0.0', '::', '[::]'].includes(config.http.host) ? '127.0.0.1' : config.http.host;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${config.http.port}`;
}
