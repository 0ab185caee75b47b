/**
 * A local fake of DingTalk for the gateway's tests: the Stream gateway (`POST
 * /v1.0/gateway/connections/open` → `{ endpoint, ticket }`, then a WebSocket that pushes robot
 * messages as CALLBACK frames and waits for their ack), the access token, the robot's group and
 * one-to-one send APIs, session webhooks, and a custom robot webhook that checks its 加签
 * signature. Frames follow dingtalk-stream 2.1.5's protocol as its client reads them.
 */
import { recorded } from './waiters.js';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface DingPost {
  kind: 'group' | 'user' | 'session' | 'custom';
  /** openConversationId (group), user id (user), session id (session), access token (custom). */
  target: string;
  text: string;
  at: string[];
  sentAt: number;
}

export interface FakeDingtalk {
  url: string;
  gatewayUrl: string;
  posts: DingPost[];
  /** Custom-robot posts refused for a bad signature. */
  badSignatures(): number;
  /** Resolves once the gateway's stream is open. */
  connected(): Promise<void>;
  /** Pushes a robot message down the stream; resolves when the client acks it. */
  robotMessage(m: { conversationType: '1' | '2'; conversationId: string; conversationTitle?: string; senderStaffId: string; senderNick: string; text: string; msgId?: string }): Promise<void>;
  waitPost(match: (p: DingPost) => boolean, timeoutMs?: number): Promise<DingPost>;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeDingtalk(o: { clientId: string; clientSecret: string; customSecret: string }): Promise<FakeDingtalk> {
  const seen = recorded<DingPost>();
  const posts = seen.list;
  const acks = new Map<string, () => void>();
  const ticket = randomBytes(8).toString('hex');
  let socket: WebSocket | null = null;
  let onConnect: (() => void) | null = null;
  let token = '';
  let badSignatures = 0;
  let seq = 0;
  const notify = seen.notify;

  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      const body = JSON.parse((await bodyOf(req)) || '{}') as Record<string, any>;
      if (u.pathname === '/v1.0/gateway/connections/open') {
        if (body.clientId !== o.clientId || body.clientSecret !== o.clientSecret) return answer(401, { code: 'Unauthorized' });
        const subscribed = (body.subscriptions ?? []).some((s: any) => s.type === 'CALLBACK' && s.topic === '/v1.0/im/bot/messages/get');
        if (!subscribed) return answer(400, { code: 'NoRobotSubscription' });
        return answer(200, { endpoint: `ws://127.0.0.1:${port}/connect`, ticket });
      }
      if (u.pathname === '/v1.0/oauth2/accessToken') {
        if (body.appKey !== o.clientId || body.appSecret !== o.clientSecret) return answer(400, { code: 'invalidClientIdOrSecret' });
        token = `dt-${randomBytes(6).toString('hex')}`;
        return answer(200, { accessToken: token, expireIn: 7200 });
      }
      const text = (p: any): string => (typeof p?.msgParam === 'string' ? JSON.parse(p.msgParam).content : (p?.text?.content ?? ''));
      if (u.pathname === '/v1.0/robot/groupMessages/send' || u.pathname === '/v1.0/robot/oToMessages/batchSend') {
        if (req.headers['x-acs-dingtalk-access-token'] !== token) return answer(401, { code: 'InvalidAuthentication' });
        if (body.robotCode !== o.clientId || body.msgKey !== 'sampleText') return answer(400, { code: 'invalidParameter' });
        const group = u.pathname.includes('group');
        for (const target of group ? [body.openConversationId] : body.userIds) posts.push({ kind: group ? 'group' : 'user', target, text: text(body), at: [], sentAt: Date.now() });
        notify();
        return answer(200, group ? { processQueryKey: 'q' } : { processQueryKey: 'q', invalidStaffIdList: [] });
      }
      if (u.pathname === '/robot/sendBySession') {
        posts.push({ kind: 'session', target: u.searchParams.get('session') ?? '', text: text(body), at: body.at?.atUserIds ?? [], sentAt: Date.now() });
        notify();
        return answer(200, { errcode: 0, errmsg: 'ok' });
      }
      if (u.pathname === '/robot/send') {
        // 加签: sign = base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")).
        const ts = u.searchParams.get('timestamp') ?? '';
        const sign = createHmac('sha256', o.customSecret).update(`${ts}\n${o.customSecret}`).digest('base64');
        if (u.searchParams.get('sign') !== sign || Math.abs(Date.now() - Number(ts)) > 3_600_000) {
          badSignatures += 1;
          return answer(200, { errcode: 310000, errmsg: 'sign not match' });
        }
        posts.push({ kind: 'custom', target: u.searchParams.get('access_token') ?? '', text: text(body), at: body.at?.atUserIds ?? [], sentAt: Date.now() });
        notify();
        return answer(200, { errcode: 0, errmsg: 'ok' });
      }
      answer(404, { code: 'NotFound' });
    })().catch(() => res.writeHead(500).end());
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, sock, head) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    if (u.pathname !== '/connect' || u.searchParams.get('ticket') !== ticket) {
      sock.destroy();
      return;
    }
    wss.handleUpgrade(req, sock, head, (ws) => {
      socket = ws;
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { code?: number; headers?: { messageId?: string } };
        const id = frame.headers?.messageId;
        if (frame.code === 200 && id && acks.has(id)) {
          acks.get(id)!();
          acks.delete(id);
        }
      });
      onConnect?.();
    });
  });

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    gatewayUrl: `${url}/v1.0/gateway/connections/open`,
    posts,
    badSignatures: () => badSignatures,
    connected: () => (socket ? Promise.resolve() : new Promise<void>((r) => (onConnect = r))),
    robotMessage(m) {
      const messageId = `msg-${++seq}-${randomBytes(3).toString('hex')}`;
      const msgId = m.msgId ?? `msgid-${seq}-${randomBytes(3).toString('hex')}`;
      const data = {
        conversationId: m.conversationId,
        conversationType: m.conversationType,
        ...(m.conversationTitle ? { conversationTitle: m.conversationTitle } : {}),
        chatbotCorpId: 'dingcorp',
        chatbotUserId: 'robot-user',
        msgId,
        senderNick: m.senderNick,
        isAdmin: false,
        senderStaffId: m.senderStaffId,
        senderId: `$:LWCP_v1:$${m.senderStaffId}`,
        senderCorpId: 'dingcorp',
        sessionWebhook: `${url}/robot/sendBySession?session=s-${msgId}`,
        sessionWebhookExpiredTime: Date.now() + 90 * 60_000,
        createAt: Date.now(),
        robotCode: o.clientId,
        isInAtList: m.conversationType === '2',
        msgtype: 'text',
        text: { content: m.conversationType === '2' ? ` ${m.text}` : m.text },
      };
      const frame = { specVersion: '1.0', type: 'CALLBACK', headers: { appId: 'app', connectionId: 'c1', contentType: 'application/json', messageId, time: String(Date.now()), topic: '/v1.0/im/bot/messages/get' }, data: JSON.stringify(data) };
      return new Promise<void>((resolve, reject) => {
        if (!socket) return reject(new Error('the gateway is not connected'));
        acks.set(messageId, resolve);
        socket.send(JSON.stringify(frame));
      });
    },
    waitPost: (match, timeoutMs = 10_000) => seen.wait(match, timeoutMs, 'the fake DingTalk'),
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
