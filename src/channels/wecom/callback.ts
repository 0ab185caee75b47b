/**
 * The WeCom application's callback URL (接收消息), mounted on the service's HTTP server.
 *
 * GET: URL verification. WeCom sends `msg_signature`, `timestamp`, `nonce` and an encrypted
 * `echostr`; we answer the decrypted echo when the signature holds.
 * POST: a message, as XML whose `Encrypt` element is AES-256-CBC ciphertext (key from the
 * EncodingAESKey) signed by SHA-1 over token, timestamp, nonce and ciphertext. We check the
 * signature and the receiver id (our corp id), decrypt with `@wecom/crypto`, add an `inbound`
 * job and answer an empty 200 at once: WeCom waits five seconds at most, and core does the work
 * from the queue. Anything that does not verify is refused and changes nothing.
 */
import { timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';
import type { FastifyInstance } from 'fastify';
import type { ChatIn } from '../../domain/messages.js';
import type { Log } from '../../log.js';
import { identityOf } from '../config.js';

/** A callback body is a few hundred bytes; anything past this is no WeCom message. */
const BODY_LIMIT = 64 * 1024;
/** Answer before WeCom's five seconds run out: past this the job add is given up (WeCom retries). */
const ENQUEUE_TIMEOUT_MS = 3000;

export interface WecomCallbackOptions {
  botId: string;
  path: string;
  corpId: string;
  token: string;
  aesKey: string;
  log: Log;
  now?: () => number;
  /** Adds the message to the `inbound` queue. */
  enqueue(chat: ChatIn): Promise<unknown>;
}

/** The text of an XML element (CDATA or plain); null when absent. Our XML is flat and small. */
export function xmlField(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  if (!m) return null;
  return m[1] ?? decodeEntities(m[2] ?? '');
}

function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type Verified = { ok: true; plain: string } | { ok: false; why: string };

/** Checks the signature and the receiver id, then decrypts; never throws. */
export function openEnvelope(o: Pick<WecomCallbackOptions, 'token' | 'aesKey' | 'corpId'>, q: { msg_signature?: unknown; timestamp?: unknown; nonce?: unknown }, encrypted: string): Verified {
  const sig = typeof q.msg_signature === 'string' ? q.msg_signature : '';
  const ts = typeof q.timestamp === 'string' ? q.timestamp : '';
  const nonce = typeof q.nonce === 'string' ? q.nonce : '';
  if (!sig || !ts || !nonce || !encrypted) return { ok: false, why: 'missing parameters' };
  if (!/^[0-9a-f]{40}$/i.test(sig) || ts.length > 32 || nonce.length > 64 || encrypted.length > BODY_LIMIT) return { ok: false, why: 'malformed parameters' };
  if (!sameText(getSignature(o.token, ts, nonce, encrypted).toLowerCase(), sig.toLowerCase())) return { ok: false, why: 'bad signature' };
  try {
    const { message, id } = decrypt(o.aesKey, encrypted);
    // The receiver id inside the ciphertext must be ours: a message for another corp is not ours.
    if (id !== o.corpId) return { ok: false, why: 'wrong receiver' };
    return { ok: true, plain: message };
  } catch {
    return { ok: false, why: 'cannot decrypt' };
  }
}

/** The ChatIn of a decrypted application message; null for events and what we do not take. */
export function chatOfWecom(botId: string, agentId: number | null, xml: string, now: () => number = Date.now): ChatIn | null {
  const type = xmlField(xml, 'MsgType');
  const from = xmlField(xml, 'FromUserName');
  const msgId = xmlField(xml, 'MsgId');
  const created = Number(xmlField(xml, 'CreateTime'));
  if (!from || !/^[A-Za-z0-9_.@-]{1,64}$/.test(from) || !msgId || !/^[0-9A-Za-z_-]{1,64}$/.test(msgId)) return null;
  if (agentId !== null && xmlField(xml, 'AgentID') !== null && Number(xmlField(xml, 'AgentID')) !== agentId) return null;
  if (type !== 'text' && type !== 'image') return null;
  const text = type === 'text' ? (xmlField(xml, 'Content') ?? '').slice(0, 2000) : '';
  return {
    messageId: `wecom-${botId}-${msgId}`,
    botId,
    channel: 'wecom',
    from: { wechatId: identityOf.wecom(from), name: from },
    // Application callbacks are private messages to the application: WeCom never shows it a group.
    room: null,
    text,
    mentionSelf: false,
    type,
    at: Number.isFinite(created) && created > 0 ? created * 1000 : now(),
  };
}

/** Mounts the callback routes (GET handshake, POST messages) on `app`, in their own scope. */
export function registerWecomCallback(app: FastifyInstance, o: WecomCallbackOptions & { agentId: number }): void {
  const log = o.log.child({ module: 'channels.wecom.callback', botId: o.botId });
  void app.register(async (scope) => {
    // WeCom posts text/xml; in this scope only, bodies of any type are kept as text.
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.get(o.path, async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      const echostr = typeof q.echostr === 'string' ? q.echostr : '';
      const v = openEnvelope(o, q, echostr);
      if (!v.ok) {
        log.warn({ why: v.why }, 'WeCom URL verification refused');
        return reply.code(403).type('text/plain').send('forbidden');
      }
      log.info('WeCom URL verification answered');
      return reply.type('text/plain').send(v.plain);
    });
    scope.post(o.path, { bodyLimit: BODY_LIMIT }, async (req, reply) => {
      const body = typeof req.body === 'string' ? req.body : '';
      const encrypted = xmlField(body, 'Encrypt') ?? '';
      const v = openEnvelope(o, req.query as Record<string, unknown>, encrypted);
      if (!v.ok) {
        log.warn({ why: v.why }, 'WeCom callback refused');
        return reply.code(403).type('text/plain').send('forbidden');
      }
      const chat = chatOfWecom(o.botId, o.agentId, v.plain, o.now);
      if (chat) {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([o.enqueue(chat), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('enqueue timed out')), ENQUEUE_TIMEOUT_MS)))]);
        } catch (err) {
          // WeCom retries a callback that fails: the message is not lost.
          log.error({ messageId: chat.messageId, err: (err as Error).message }, 'cannot take in a WeCom message now; WeCom will retry');
          return reply.code(503).type('text/plain').send('retry');
        } finally {
          clearTimeout(timer);
        }
      }
      // An empty answer: no passive reply (replies go out through the API, from the queue).
      return reply.code(200).type('text/plain').send('');
    });
  });
}
