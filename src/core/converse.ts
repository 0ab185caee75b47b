/**
 * Conversation use case: one inbound chat message → at most one state change and its replies,
 * written in one transaction with the outbox (so a retried job never answers twice).
 */
import { eq } from 'drizzle-orm';
import { parseMessage } from '../domain/grammar.js';
import type { ChatIn, ChatOut, Recipient } from '../domain/messages.js';
import { helpFor, helpForStranger, notUnderstood } from '../domain/replies.js';
import { PRIORITY } from '../domain/types.js';
import type { Log } from '../log.js';
import type { Db } from '../store/db.js';
import { memberByWechatId } from '../store/org.js';
import { addOutboxMessage } from '../store/outbox.js';
import { inboundMessages } from '../store/schema.js';
import { outboundQueue, safeId } from '../queues/names.js';

export interface ConverseDeps {
  db: Db;
  botId: string;
  botName: string;
  log: Log;
  now: () => number;
  /** Called after a commit that wrote outbox rows (the relay picks them up). */
  afterCommit: () => void;
}

/** What handling a message did, for logs and tests. */
export type ConverseResult = 'duplicate' | 'ignored' | 'replied';

/**
 * Handles one inbound message.
 * @example await handleInbound(deps, { text: '帮助', room: null, ... }) // 'replied'
 */
export function handleInbound(deps: ConverseDeps, msg: ChatIn): ConverseResult {
  const { db, now } = deps;
  const member = memberByWechatId(db, msg.from.wechatId);
  const parsed = parseMessage({ text: msg.text, addressed: msg.room === null || msg.mentionSelf, botName: deps.botName });

  let text: string | null = null;
  if (parsed.ok) {
    text = member ? helpFor(member.role, deps.botName) : helpForStranger(deps.botName);
  } else if (parsed.reason === 'unknown') {
    text = member ? notUnderstood(parsed.example) : helpForStranger(deps.botName);
  }

  const sender: Recipient = { name: member?.name ?? msg.from.name, wechatId: msg.from.wechatId };
  const result = db.transaction((tx): ConverseResult => {
    const seen = tx.select().from(inboundMessages).where(eq(inboundMessages.messageId, msg.messageId)).get();
    if (seen?.processedAt) return 'duplicate';
    const at = now();
    if (!seen) tx.insert(inboundMessages).values({ messageId: msg.messageId, receivedAt: at }).run();
    tx.update(inboundMessages).set({ processedAt: at }).where(eq(inboundMessages.messageId, msg.messageId)).run();
    if (text === null) return 'ignored';
    const out: ChatOut = msg.room ? { room: msg.room.topic, mentions: [sender], text } : { to: sender, text };
    addOutboxMessage(tx, outboundQueue(deps.botId), `reply-${safeId(msg.messageId)}-0`, out, PRIORITY.reply, at);
    return 'replied';
  });
  deps.log.info({ messageId: msg.messageId, member: member?.id ?? null, room: msg.room?.wechatId ?? null, result, command: parsed.ok ? parsed.command.kind : parsed.reason }, 'inbound message handled');
  if (result === 'replied') deps.afterCommit();
  return result;
}
