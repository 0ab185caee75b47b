/** Captures log lines in memory (cf. probot's MockLoggerTarget) to assert what never reaches them. */
import { Writable } from 'node:stream';
import { createLog, type Log } from '../../src/log.js';

export interface CapturedLog {
  log: Log;
  lines: string[];
  text(): string;
}

export function captureLog(level = 'debug'): CapturedLog {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { log: createLog(level, stream), lines, text: () => lines.join('\n') };
}
