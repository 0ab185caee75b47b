/**
 * The DingTalk gateway (钉钉 / 浙政钉): an enterprise robot in Stream mode, behind the same
 * queues as the Wechaty gateway.
 * - In: @-messages in the groups the robot is in, and private messages to it, arrive over the
 *   Stream WebSocket; each becomes an `inbound` job and is answered (acked) once the job is
 *   added, so a message that could not be queued comes again.
 * - Out: a reply goes through the session webhook of the chat's latest message while it is
 *   valid (it can @ the member); otherwise a push through the robot's group or one-to-one API
 *   (by openConversationId / user id), or a room's custom robot webhook signed with its secret.
 *   Every send of the robot counts against its window (20 a minute).
 */
import { createChannelWorker, type ChannelContext, type ChannelGateway } from '../../chat/channels.js';
import type { ChatIn, ChatOut } from '../../domain/messages.js';
import { identityOf, platformIdOf, type DingtalkAccount } from '../config.js';
import { inboundSink, ROBOT_PER_MINUTE, Unsendable } from '../gateway-kit.js';
import { createDingtalkApi } from './api.js';
// The SDK (with axios and ws) is loaded when a DingTalk account starts, not by every start-up.
import type { DWClientDownStream, StreamClient } from './stream.js';

/** A session webhook is used until this long before DingTalk says it expires. */
const SESSION_MARGIN_MS = 60_000;
/** Chats whose session webhook is remembered (the newest win). */
const SESSIONS_LIMIT = 2000;

const secretOf = (secrets: Readonly<Record<string, string>>, env: string): string => {
  const v = secrets[env];
  if (!v) throw new Error(`${env} is not set`);
  return v;
};

/** The fields of a robot message we read (dingtalk-stream's RobotTextMessage, plus the group's title). */
interface RobotMessage {
  msgId?: unknown;
  msgtype?: unknown;
  text?: { content?: unknown };
  conversationType?: unknown;
  conversationId?: unknown;
  conversationTitle?: unknown;
  senderStaffId?: unknown;
  senderId?: unknown;
  senderNick?: unknown;
  createAt?: unknown;
  sessionWebhook?: unknown;
  sessionWebhookExpiredTime?: unknown;
  isInAtList?: unknown;
}

const str = (v: unknown, max = 256): string | null => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : null);

export function createDingtalkGateway(ctx: ChannelContext, s: DingtalkAccount, secrets: Readonly<Record<string, string>>): ChannelGateway {
  const botId = ctx.account.id;
  const now = ctx.now;
  const log = ctx.log.child({ module: 'channels.dingtalk', botId });
  const clientId = s.clientId ?? secretOf(secrets, s.clientIdEnv!);
  const clientSecret = secretOf(secrets, s.clientSecretEnv);
  const api = createDingtalkApi({ apiBase: s.apiBase, appKey: clientId, appSecret: clientSecret, robotCode: s.robotCode, now });
  const inbound = inboundSink({ connection: ctx.connection, prefix: ctx.prefix, botId }, ctx.redisError, 'channels.dingtalk');
  const topicOfConversation = new Map(Object.entries(s.rooms).flatMap(([topic, r]) => (r.openConversationId ? [[r.openConversationId, topic] as const] : [])));
  // Session webhooks by chat (`room:<topic>`, `to:<identity>`); never logged.
  const sessions = new Map<string, { url: string; until: number }>();
  const allowedHosts = new Set(['oapi.dingtalk.com', 'api.dingtalk.com', new URL(s.apiBase).host]);
  let client: StreamClient | null = null;

  function remember(chat: string, url: string | null, expires: unknown): void {
    if (!url || typeof expires !== 'number') return;
    // Only DingTalk's own hosts (or the configured API's) may receive what we post.
    let host = '';
    try {
      host = new URL(url).host;
    } catch {
      return;
    }
    if (!allowedHosts.has(host)) return;
    sessions.delete(chat);
    sessions.set(chat, { url, until: expires - SESSION_MARGIN_MS });
    if (sessions.size > SESSIONS_LIMIT) sessions.delete(sessions.keys().next().value!);
  }

  function session(chat: string): string | null {
    const sw = sessions.get(chat);
    return sw && sw.until > Date.now() ? sw.url : null;
  }

  /** Plain data from a robot message; null for what is not ours to take. */
  function toChatIn(m: RobotMessage): ChatIn | null {
    const msgId = str(m.msgId, 128);
    const user = str(m.senderStaffId, 64) ?? str(m.senderId, 128);
    if (!msgId || !user) return null;
    const group = m.conversationType === '2';
    const conversationId = str(m.conversationId, 128);
    const topic = group ? ((conversationId && topicOfConversation.get(conversationId)) ?? str(m.conversationTitle, 64)) : null;
    if (group && (!topic || !conversationId)) return null;
    // A deployer finds a group's openConversationId here (an id, not a secret).
    if (group && conversationId && !topicOfConversation.has(conversationId)) log.info({ conversationId, topic }, 'a DingTalk group not in the profile; add its openConversationId under dingtalk.rooms');
    const type = m.msgtype === 'text' ? 'text' : m.msgtype === 'picture' ? 'image' : 'other';
    const text = type === 'text' && typeof m.text?.content === 'string' ? m.text.content.trim().slice(0, 2000) : '';
    const identity = identityOf.dingtalk(user);
    remember(group ? `room:${topic}` : `to:${identity}`, str(m.sessionWebhook, 1024), m.sessionWebhookExpiredTime);
    const at = typeof m.createAt === 'number' && m.createAt > 0 ? m.createAt : now();
    return {
      messageId: `dingtalk-${botId}-${msgId}`,
      botId,
      channel: 'dingtalk',
      from: { wechatId: identity, name: str(m.senderNick, 64) ?? user },
      room: group ? { wechatId: `dingtalk:${conversationId}`, topic: topic! } : null,
      text,
      // A robot hears a group message only when it is @-mentioned in it.
      mentionSelf: group,
      type,
      at,
    };
  }

  async function onRobotMessage(frame: DWClientDownStream): Promise<void> {
    const messageId = frame.headers?.messageId;
    let data: RobotMessage | null = null;
    try {
      data = JSON.parse(frame.data) as RobotMessage;
    } catch {
      data = null;
    }
    const chat = data && typeof data === 'object' ? toChatIn(data) : null;
    if (chat) {
      try {
        await inbound.add(chat);
      } catch (err) {
        // Not acked: DingTalk sends it again.
        log.error({ messageId: chat.messageId, err: (err as Error).message }, 'cannot take in a DingTalk message now; DingTalk will send it again');
        return;
      }
    }
    if (messageId) client?.socketCallBackResponse(messageId, {});
  }

  async function send(out: ChatOut): Promise<void> {
    if ('room' in out) {
      const ids = out.mentions.map((m) => platformIdOf('dingtalk', m.wechatId));
      const atIds = ids.filter((x): x is string => !!x);
      const named = (all: boolean) => {
        const names = out.mentions.filter((_, i) => all || !ids[i]).map((m) => `@${m.name}`);
        return names.length ? `${names.join(' ')} ${out.text}` : out.text;
      };
      const sw = session(`room:${out.room}`);
      if (sw) return api.toSession(sw, named(false), atIds);
      const room = s.rooms[out.room];
      if (!room) throw new Unsendable('no DingTalk group configured for this room');
      // Pushes cannot @ through the group API: the names are in the text.
      if (room.openConversationId) return api.toGroup(room.openConversationId, named(true));
      return api.toCustomRobot(secretOf(secrets, room.webhookEnv!), room.secretEnv ? secretOf(secrets, room.secretEnv) : null, named(false), atIds);
    }
    const identity = out.to.wechatId;
    const userId = platformIdOf('dingtalk', identity);
    if (!userId || !identity) throw new Unsendable('private message to a member not bound on DingTalk');
    const sw = session(`to:${identity}`);
    if (sw) return api.toSession(sw, out.text, []);
    return api.toUser(userId, out.text);
  }

  // The robot takes 20 a minute (every send: replies, pushes, custom webhooks): the account's budget never exceeds it.
  const account = { ...ctx.account, perMinute: Math.min(ctx.account.perMinute ?? ROBOT_PER_MINUTE, ROBOT_PER_MINUTE) };
  const worker = createChannelWorker({ ...ctx, account }, { send, loggedIn: () => !!client?.connected });

  const gateway: ChannelGateway = {
    account: ctx.account,
    loggedIn: () => !!client?.connected,
    async start() {
      const { StreamClient: Client, TOPIC_ROBOT } = await import('./stream.js');
      client = new Client({ clientId, clientSecret }, s.gatewayUrl);
      client.registerCallbackListener(TOPIC_ROBOT, (frame: DWClientDownStream) => {
        onRobotMessage(frame).catch((err) => log.error({ err: (err as Error).message }, 'DingTalk message not handled'));
      });
      // connect() resolves once the socket is open, or after a failure it will retry by itself.
      await client.connect();
      if (client.connected) log.info('DingTalk stream connected');
      else log.error('DingTalk stream not connected yet (retrying); check the client id and secret');
      await worker.start();
    },
    async stop() {
      await worker.stop();
      client?.disconnect();
      await inbound.close();
    },
  };
  return gateway;
}
