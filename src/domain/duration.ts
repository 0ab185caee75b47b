/** Durations as written in profiles: `500ms`, `30s`, `5m`, `2h`, `1d`, or combined like `1h30m`. */

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;

/**
 * Parses a duration string into milliseconds; returns null when it is not one.
 * @example parseDuration('1h30m') // 5_400_000
 */
export function parseDuration(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  PART.lastIndex = 0;
  let total = 0;
  let end = 0;
  for (let m = PART.exec(s); m; m = PART.exec(s)) {
    total += Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
    end = PART.lastIndex;
  }
  return end === s.length && Number.isFinite(total) ? Math.round(total) : null;
}

/**
 * Formats milliseconds for people, in Chinese: 5分钟, 2小时, 1小时30分钟, 45秒.
 * @example formatDurationZh(5_400_000) // '1小时30分钟'
 */
export function formatDurationZh(ms: number): string {
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))}秒`;
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return [days ? `${days}天` : '', hours ? `${hours}小时` : '', mins ? `${mins}分钟` : ''].join('');
}
