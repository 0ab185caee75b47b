/** A chat message split into its parts and normalised once: the first step of understanding it. */
import { normalizeText, splitQuote, stripMentions, type Quote } from './text.js';

/**
 * The message split into its parts, normalised.
 * @example readUtterance('@网格哨兵 收到 K7Q2') // { body: '收到 K7Q2', quote: null, mentions: ['网格哨兵'] }
 */
export interface Utterance {
  body: string;
  quote: Quote | null;
  mentions: string[];
}

/** Input beyond this many characters is not read. */
const MAX_LENGTH = 2000;

/**
 * Normalises a raw message: input cut to 2000 characters, quote split, full-width folded,
 * mentions removed (also `@botName` typed without a space before the command, and a roster
 * name from `names` with the rest run on), trailing
 * full stops dropped.
 * @example readUtterance('@网格哨兵收到 Ｋ７Ｑ２。', '网格哨兵') // { body: '收到 K7Q2', quote: null, mentions: ['网格哨兵'] }
 */
export function readUtterance(raw: string, botName = '', names: readonly string[] = []): Utterance {
  const { quote, reply } = splitQuote(raw.slice(0, MAX_LENGTH));
  let text = normalizeText(reply);
  const mentions: string[] = [];
  const bot = normalizeText(botName);
  if (bot) {
    const parts = text.split(`@${bot}`);
    for (let k = 1; k < parts.length; k++) mentions.push(bot);
    text = parts.join(' ');
  }
  const stripped = stripMentions(text, names);
  mentions.push(...stripped.mentions);
  return { body: stripped.text.replace(/[。.!！~～]+$/u, '').trim(), quote, mentions };
}
