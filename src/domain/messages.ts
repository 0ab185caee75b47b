/** Chat messages as plain data, at the edge between WeChat and the core. */
import type { ChannelKind } from './channels.js';
import type { Picture } from './pictures.js';

/** A message the gateway saw, turned into plain data (STYLE.md "chat"). */
export interface ChatIn {
  messageId: string;
  /** Bot account that saw it (queue suffix). */
  botId: string;
  from: { wechatId: string; name: string };
  /** Null for a private chat with the bot. */
  room: { wechatId: string; topic: string } | null;
  text: string;
  /** The bot was @-mentioned (room messages). */
  mentionSelf: boolean;
  /** Message type from the puppet: `text`, `image`, other. */
  type: 'text' | 'image' | 'other';
  /** Epoch ms. */
  at: number;
  /** The channel it came through (absent: Wechaty); what it cannot show, core does not infer. */
  channel?: ChannelKind;
}

export interface Recipient {
  name: string;
  /** Bound WeChat contact id, when known. */
  wechatId: string | null;
}

/**
 * A message the bot must send: into a room (with @mentions) or privately. `picture`: a report
 * also sent as an image right after the text (rendered by the gateway; the text never waits
 * for it, and a picture that cannot be rendered is left out).
 */
export type ChatOut =
  | { room: string; mentions: Recipient[]; text: string; meta?: OutMeta; picture?: Picture }
  | { to: Recipient; text: string; meta?: OutMeta; picture?: Picture };

/** What a message is about, for the core's bookkeeping (never shown). */
export interface OutMeta {
  caseId?: string;
  /** `dispatch`: the message hands the case to the mentioned member. */
  kind?: 'dispatch' | 'reminder' | 'reply' | 'summary';
}
