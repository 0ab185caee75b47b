/**
 * One pino logger for the service. Personal data of victims never reaches a log line:
 * subject fields, phones, id numbers, addresses, names and message text are redacted
 * wherever they appear, and modules log ids and counts only.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import PinoPretty from 'pino-pretty';

export type Log = Logger;

export const REDACT_PATHS = [
  'subject', '*.subject', '*.*.subject',
  'phone', '*.phone', '*.*.phone',
  'idNumber', '*.idNumber', '*.*.idNumber',
  'address', '*.address', '*.*.address',
  'subjectName', 'subjectPhone', 'subjectAddress', 'subjectIdNumber',
  '*.subjectName', '*.subjectPhone', '*.subjectAddress', '*.subjectIdNumber',
  'text', '*.text', '*.*.text',
  'req.headers.authorization', 'headers.authorization',
];

export interface LogOptions {
  /** The profile's IANA time zone: pretty lines show the time there (JSON stays ISO UTC). */
  timezone?: string;
  /** Pretty lines instead of JSON; by default when stdout is a terminal and no stream is given. */
  pretty?: boolean;
}

/**
 * The wall-clock time of an ISO timestamp in `timezone`, for a pretty log line.
 * @example clockIn('2026-11-23T01:02:03.000Z', 'Asia/Shanghai') // '09:02:03'
 */
export function clockIn(iso: string, timezone: string | undefined): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
}

/**
 * Builds the root logger: pretty in a terminal (times in the profile's zone), JSON lines with
 * ISO UTC times otherwise (or into `stream` for tests).
 * @example createLog('info', undefined, { timezone: 'Asia/Shanghai' }).child({ module: 'queues.outbound' })
 */
export function createLog(level: string, stream?: DestinationStream, o: LogOptions = {}): Log {
  const options = {
    level,
    base: { service: 'gridguard' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (o.pretty ?? (!stream && process.stdout.isTTY)) {
    // pino-pretty's translateTime knows only the host's zone or UTC: the time is formatted here,
    // in this thread, in the profile's zone (a server often runs in UTC, the centre does not).
    const pretty = PinoPretty({
      ignore: 'pid,hostname,service',
      translateTime: false,
      customPrettifiers: { time: (t) => `[${clockIn(String(t), o.timezone)}]` },
      destination: stream ?? 1,
      sync: true,
    });
    return pino(options, pretty);
  }
  if (stream) return pino(options, stream);
  return pino(options);
}
