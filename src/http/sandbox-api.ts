/**
 * What the HTTP layer needs of the sandbox (the mock WeChat world): the chat adapter provides
 * it, the composition root passes it in, and http never imports chat (adapters do not import
 * each other).
 */

import type { FaultChange, SayInput } from '../wire/sandbox.js';

export type { FaultChange, SayInput };

export interface SandboxApi {
  world(): unknown;
  /** Returns the seq of the message; throws an error named `SandboxInputError` with a `field` for bad input. */
  say(input: SayInput): number;
  /** Every message after `seq`, in order (at most 1000). */
  messagesAfter(seq: number): unknown[];
  faults(): unknown;
  setFaults(change: FaultChange): unknown;
  /** `bot`: which account (several accounts, issue 17; default the first). */
  login(bot?: string): void | Promise<void>;
  logout(bot?: string): Promise<void>;
}

/** True for the sandbox's refusal of bad input (a field and a message). */
export function isSandboxInputError(err: unknown): err is Error & { field: string } {
  return err instanceof Error && err.name === 'SandboxInputError' && typeof (err as { field?: unknown }).field === 'string';
}
