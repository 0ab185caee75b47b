import { describe, expect, it } from 'vitest';
import { closeBounded } from '../../src/wire/close.js';

describe('closing a BullMQ object when the process stops (found in CI: a stop hung after a Redis outage)', () => {
  it('goes on when close never settles', async () => {
    let asked = false;
    const stuck = { close: () => ((asked = true), new Promise<void>(() => {})) };
    await expect(closeBounded(stuck, 10)).resolves.toBeUndefined();
    expect(asked).toBe(true);
  });
  it('waits for a close that settles, and swallows its failure', async () => {
    let closed = false;
    await closeBounded({ close: async () => void (closed = true) });
    expect(closed).toBe(true);
    await expect(closeBounded({ close: () => Promise.reject(new Error('Connection is closed.')) })).resolves.toBeUndefined();
    await expect(closeBounded(null)).resolves.toBeUndefined();
  });
});
