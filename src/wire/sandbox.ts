/**
 * The sandbox's contract between the chat adapter (the mock world) and the HTTP adapter (its
 * API and page): what a member says, and the send faults an operator can set.
 */

/** A message said in the sandbox as a member: in a room, or privately to the bot. */
export interface SayInput {
  from: string;
  room?: string | undefined;
  to?: string | undefined;
  text: string;
  quoteSeq?: number | undefined;
  /** Send a photo instead of text (the transcript shows [图片]). */
  image?: boolean | undefined;
}

/** The send faults an operator can set to rehearse an outage (0 clears). */
export interface FaultChange {
  failSends?: number | 'all' | undefined;
  sendDelayMs?: number | undefined;
  /** The bot account whose sends fail (several accounts; default the first). */
  bot?: string | undefined;
}
