/**
 * A local fake of WeCom (企业微信) for the gateway's tests: a real HTTP server with the server
 * API the gateway calls (gettoken, message/send, webhook/send, with WeCom's errcodes and its
 * 20-a-minute robot limit) and a client for the application's callback URL that encrypts and
 * signs as WeCom does. The encryption here is written from WeCom's documentation with
 * node:crypto, independently of @wecom/crypto, so the gateway is checked against the format,
 * not against itself.
 */
import { recorded } from './waiters.js';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RobotPost {
  key: string;
  text: string;
  mentioned: string[];
  at: number;
}
export interface AppPost {
  touser: string;
  agentid: number;
  text: string;
  at: number;
}

export interface FakeWecom {
  url: string;
  robot: RobotPost[];
  app: AppPost[];
  /** Access tokens handed out. */
  tokensIssued(): number;
  /** Robot posts WeCom refused for going over 20 a minute (45009). */
  throttled(): number;
  /** Makes the current token expired: its next use answers 42001. */
  expireToken(): void;
  /** Resolves with the first robot / app post matching, waiting for it. */
  waitRobot(match: (p: RobotPost) => boolean, timeoutMs?: number): Promise<RobotPost>;
  waitApp(match: (p: AppPost) => boolean, timeoutMs?: number): Promise<AppPost>;
  close(): Promise<void>;
}

const ROBOT_LIMIT = 20;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeWecom(o: { corpId: string; corpSecret: string }): Promise<FakeWecom> {
  const robots = recorded<RobotPost>();
  const apps = recorded<AppPost>();
  const robot = robots.list;
  const app = apps.list;
  let token = '';
  let issued = 0;
  let expired = false;
  let throttled = 0;
  const notify = () => {
    robots.notify();
    apps.notify();
  };

  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    const answer = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      if (req.method === 'GET' && u.pathname === '/cgi-bin/gettoken') {
        if (u.searchParams.get('corpid') !== o.corpId || u.searchParams.get('corpsecret') !== o.corpSecret) return answer({ errcode: 40001, errmsg: 'invalid credential' });
        issued += 1;
        token = `tok-${issued}-${randomBytes(4).toString('hex')}`;
        expired = false;
        return answer({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
      }
      const body = JSON.parse((await bodyOf(req)) || '{}') as Record<string, any>;
      if (req.method === 'POST' && u.pathname === '/cgi-bin/message/send') {
        const t = u.searchParams.get('access_token');
        if (t !== token) return answer({ errcode: 40014, errmsg: 'invalid access_token' });
        if (expired) return answer({ errcode: 42001, errmsg: 'access_token expired' });
        app.push({ touser: body.touser, agentid: body.agentid, text: body.text?.content ?? '', at: Date.now() });
        notify();
        return answer({ errcode: 0, errmsg: 'ok', invaliduser: '' });
      }
      if (req.method === 'POST' && u.pathname === '/cgi-bin/webhook/send') {
        const key = u.searchParams.get('key') ?? '';
        const now = Date.now();
        if (robot.filter((p) => p.key === key && p.at > now - 60_000).length >= ROBOT_LIMIT) {
          throttled += 1;
          return answer({ errcode: 45009, errmsg: 'api freq out of limit' });
        }
        robot.push({ key, text: body.text?.content ?? '', mentioned: body.text?.mentioned_list ?? [], at: now });
        notify();
        return answer({ errcode: 0, errmsg: 'ok' });
      }
      res.writeHead(404).end();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;


  return {
    url,
    robot,
    app,
    tokensIssued: () => issued,
    throttled: () => throttled,
    expireToken: () => void (expired = true),
    waitRobot: (m, t = 10_000) => robots.wait(m, t, 'the fake WeCom'),
    waitApp: (m, t = 10_000) => apps.wait(m, t, 'the fake WeCom'),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** WeCom's message encryption: AES-256-CBC over random(16) + length(4, BE) + message + receiver id, PKCS#7 to 32 bytes. */
export function wecomEncrypt(aesKey: string, message: string, receiverId: string): string {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(receiverId)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** WeCom's msg_signature: SHA-1 of token, timestamp, nonce and ciphertext, sorted and joined. */
export function wecomSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');
}

/** A text message from a member to the application, as WeCom's XML before encryption. */
export function wecomTextXml(o: { corpId: string; from: string; text: string; msgId: string; agentId: number }): string {
  return `<xml><ToUserName><![CDATA[${o.corpId}]]></ToUserName><FromUserName><![CDATA[${o.from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${o.text}]]></Content><MsgId>${o.msgId}</MsgId><AgentID>${o.agentId}</AgentID></xml>`;
}

/** Posts an encrypted, signed callback as WeCom does; `signature` overrides the real one. */
export async function postWecomCallback(url: string, o: { token: string; aesKey: string; corpId: string; agentId: number; xml: string; signature?: string }): Promise<{ status: number; text: string }> {
  const encrypted = wecomEncrypt(o.aesKey, o.xml, o.corpId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(6).toString('hex');
  const sig = o.signature ?? wecomSignature(o.token, timestamp, nonce, encrypted);
  const body = `<xml><ToUserName><![CDATA[${o.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[${o.agentId}]]></AgentID></xml>`;
  const res = await fetch(`${url}?msg_signature=${sig}&timestamp=${timestamp}&nonce=${nonce}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  return { status: res.status, text: await res.text() };
}

/** The URL verification WeCom does when the callback is saved in its admin console. */
export async function verifyWecomUrl(url: string, o: { token: string; aesKey: string; corpId: string; echo: string; signature?: string }): Promise<{ status: number; text: string }> {
  const echostr = wecomEncrypt(o.aesKey, o.echo, o.corpId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(6).toString('hex');
  const sig = o.signature ?? wecomSignature(o.token, timestamp, nonce, echostr);
  const res = await fetch(`${url}?msg_signature=${sig}&timestamp=${timestamp}&nonce=${nonce}&echostr=${encodeURIComponent(echostr)}`);
  return { status: res.status, text: await res.text() };
}
