/** Custom matchers shared by the tests. */
import { expect } from 'vitest';

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
