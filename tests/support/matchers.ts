/** Custom matchers shared by the tests, and fast-check's seed. */
import fc from 'fast-check';
import { expect } from 'vitest';

// Generated tests explore new inputs on every local run; in CI (CI=true) they replay one seed,
// so a landing does not depend on luck. FC_SEED replays a counterexample a run printed.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261128 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

expect.extend({
  /** Passes when the text contains none of the given personal values. */
  toContainNoneOf(received: string, values: string[]) {
    const found = values.filter((v) => received.includes(v));
    return {
      pass: found.length === 0,
      message: () => (found.length ? `expected no personal data, found: ${found.join(', ')}` : 'expected personal data to be present'),
    };
  },
});

declare module 'vitest' {
  interface Matchers<T = any> {
    toContainNoneOf(values: string[]): T;
  }
}
