/**
 * One pino logger for the service. Personal data of victims never reaches a log line:
 * subject fields, phones, id numbers, addresses, names and message text are redacted
 * wherever they appear, and modules log ids and counts only.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

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

/**
 * Builds the root logger: pretty in a terminal, JSON lines otherwise (or into `stream` for tests).
 * @example createLog('info').child({ module: 'queues.outbound' })
 */
export function createLog(level: string, stream?: DestinationStream): Log {
  const options = {
    level,
    base: { service: 'gridguard' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (stream) return pino(options, stream);
  if (process.stdout.isTTY) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' } } });
  }
  return pino(options);
}
