/**
 * Chat grammar: message text → a typed command or a typed refusal. Pure, never throws.
 * Synonyms live here; the bot's words live in replies.ts.
 */
import { normalizeText, splitQuote, stripMentions, type Quote } from './text.js';

export type Command = { kind: 'help' };

export type Parsed =
  | { ok: true; command: Command }
  /** Addressed to the bot, but not understood: the reply says why and shows an example. */
  | { ok: false; reason: 'unknown'; example: string }
  /** Ordinary chatter not addressed to the bot: no reply at all. */
  | { ok: false; reason: 'chatter' };

export interface ParseInput {
  text: string;
  /** True for a private chat with the bot or an @mention of the bot in a room. */
  addressed: boolean;
  botName: string;
}

const HELP_WORDS = new Set(['帮助', 'help', '菜单', '指令', '怎么用', '使用说明', '?', '？']);
const MAX_LENGTH = 2000;

/** The message split into its parts, normalised; shared by every command parser. */
export interface Utterance {
  body: string;
  quote: Quote | null;
  mentions: string[];
}

/** Normalises a raw message: quote split, full-width folded, mentions removed. */
export function readUtterance(raw: string): Utterance {
  const { quote, reply } = splitQuote(raw.slice(0, MAX_LENGTH));
  const { mentions, text } = stripMentions(normalizeText(reply));
  return { body: text.replace(/[。.!！~～]+$/u, '').trim(), quote, mentions };
}

/**
 * Parses one chat message.
 * @example parseMessage({ text: '@网格哨兵 帮助', addressed: true, botName: '网格哨兵' }) // { ok: true, command: { kind: 'help' } }
 */
export function parseMessage(input: ParseInput): Parsed {
  const u = readUtterance(input.text);
  const addressed = input.addressed || u.mentions.includes(input.botName);
  if (HELP_WORDS.has(u.body.toLowerCase())) return { ok: true, command: { kind: 'help' } };
  if (addressed) return { ok: false, reason: 'unknown', example: '帮助' };
  return { ok: false, reason: 'chatter' };
}
