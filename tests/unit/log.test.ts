/** Log lines: pretty ones read the time in the profile's zone; JSON ones keep ISO UTC. */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockIn, createLog } from '../../src/log.js';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const AT = new Date('2026-11-23T01:02:03.000Z');

afterEach(() => vi.useRealTimers());

describe('clockIn', () => {
  it.each([
    ['Asia/Shanghai', '09:02:03'],
    ['UTC', '01:02:03'],
    ['America/New_York', '20:02:03'],
  ])('shows %s wall-clock time', (zone, expected) => {
    expect(clockIn(AT.toISOString(), zone)).toBe(expected);
  });
});

describe('createLog', () => {
  it('prints pretty lines with the time in the profile zone', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(AT);
    const out = capture();
    createLog('info', out.stream, { pretty: true, timezone: 'Asia/Shanghai' }).info({ sandbox: 'http://127.0.0.1:8787/sandbox' }, 'GridGuard is up');
    expect(out.text()).toMatch(/^\[09:02:03\] INFO: GridGuard is up/);
    expect(out.text()).toContain('http://127.0.0.1:8787/sandbox');
  });

  it('keeps JSON lines in ISO UTC whatever the zone', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(AT);
    const out = capture();
    createLog('info', out.stream, { timezone: 'Asia/Shanghai' }).info('GridGuard is up');
    expect(JSON.parse(out.text()).time).toBe('2026-11-23T01:02:03.000Z');
  });
});
