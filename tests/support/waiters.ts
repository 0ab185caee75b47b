/** Awaiting what a fake platform records: a list that grows, and whoever waits for an entry. */

export interface Recorded<T> {
  list: T[];
  /** Call after pushing to `list`: pending waits look again. */
  notify(): void;
  /** Resolves with the first entry that matches (already there or yet to come); rejects after `timeoutMs`. */
  wait(match: (entry: T) => boolean, timeoutMs: number, what: string): Promise<T>;
}

export function recorded<T>(): Recorded<T> {
  const list: T[] = [];
  const waiters = new Set<() => void>();
  return {
    list,
    notify: () => [...waiters].forEach((w) => w()),
    wait: (match, timeoutMs, what) =>
      new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = list.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${what} saw no matching post within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
