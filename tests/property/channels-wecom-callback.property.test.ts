/**
 * Hostile input at the WeCom callback URL (issue 18; STYLE.md "Hostile input is ordinary
 * input"): generated bodies, query strings and content types, ciphertexts that are signed but
 * garbage, envelopes for another corp, and well-encrypted messages whose inner XML is hostile.
 * For every request: no 5xx and no crash; nothing is queued unless the signature, the
 * decryption and the receiver id all hold; what is queued is a sane private text message.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWecomCallback } from '../../src/channels/wecom/callback.js';
import type { ChatIn } from '../../src/domain/messages.js';
import { wecomEncrypt, wecomSignature, wecomTextXml } from '../support/fake-wecom.js';
import { captureLog } from '../support/log-capture.js';

const CORP = 'wwpropertycorp';
const TOKEN = 'propToken';
const AES_KEY = Buffer.alloc(32, 3).toString('base64').slice(0, 43);
const PATH = '/wecom/p/callback';
const RUNS = 300;

let app: FastifyInstance;
const queued: ChatIn[] = [];

beforeAll(async () => {
  const logs = captureLog('warn');
  app = Fastify({ loggerInstance: logs.log as FastifyBaseLogger });
  registerWecomCallback(app, { botId: 'p', path: PATH, corpId: CORP, agentId: 1000002, token: TOKEN, aesKey: AES_KEY, log: logs.log, enqueue: async (c) => void queued.push(c) });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
});

const signedQuery = (encrypted: string, timestamp = '1700000000', nonce = 'n0nce') => `msg_signature=${wecomSignature(TOKEN, timestamp, nonce, encrypted)}&timestamp=${timestamp}&nonce=${nonce}`;
const envelope = (encrypted: string) => `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
const post = (query: string, body: string, type = 'text/xml') => app.inject({ method: 'POST', url: `${PATH}?${query}`, headers: { 'content-type': type }, payload: body });

const hostileText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(']]>', '<xml>', '</Encrypt>', '%00', '\u0000', 'A'.repeat(5000)));

describe('hostile requests to the WeCom callback', () => {
  it('refuses anything unsigned, badly signed or malformed without queuing it', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.oneof(hostileText, fc.constant('')), fc.constantFrom('text/xml', 'application/xml', 'text/plain', 'application/json', 'application/octet-stream'), async (body, query, type) => {
        const before = queued.length;
        const res = await post(encodeURI(query).replace(/#/g, '%23'), body, type);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.statusCode).not.toBe(200);
        expect(queued.length).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a correctly signed ciphertext that does not decrypt to a message for us', async () => {
    const garbage = fc.oneof(fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 200 }), fc.constant(wecomEncrypt(AES_KEY, '<xml/>', 'wwsomeothercorp')), fc.constant(wecomEncrypt(Buffer.alloc(32, 9).toString('base64').slice(0, 43), '<xml/>', CORP)));
    await fc.assert(
      fc.asyncProperty(garbage, async (encrypted) => {
        const before = queued.length;
        const res = await post(signedQuery(encrypted), envelope(encrypted));
        expect(res.statusCode).toBeLessThan(500);
        expect(res.statusCode).not.toBe(200);
        expect(queued.length).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('takes a well-encrypted message with hostile inner XML only as a sane private text', async () => {
    const inner = fc.oneof(
      hostileText,
      fc.record({ from: hostileText, text: hostileText, msgId: fc.oneof(hostileText, fc.stringMatching(/^[0-9]{1,20}$/)) }).map((m) => wecomTextXml({ corpId: CORP, from: m.from, text: m.text, msgId: m.msgId, agentId: 1000002 })),
    );
    await fc.assert(
      fc.asyncProperty(inner, async (xml) => {
        const encrypted = wecomEncrypt(AES_KEY, xml, CORP);
        const before = queued.length;
        const res = await post(signedQuery(encrypted), envelope(encrypted));
        expect(res.statusCode).toBe(200);
        for (const c of queued.slice(before)) {
          expect(c.room).toBeNull();
          expect(c.channel).toBe('wecom');
          expect(c.from.wechatId).toMatch(/^wecom:[A-Za-z0-9_.@-]{1,64}$/);
          expect(c.messageId).toMatch(/^wecom-p-[0-9A-Za-z_-]{1,64}$/);
          expect(c.text.length).toBeLessThanOrEqual(2000);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('still takes a good message after all of that', async () => {
    const encrypted = wecomEncrypt(AES_KEY, wecomTextXml({ corpId: CORP, from: 'lisi', text: '收到 K7Q2', msgId: '123456789', agentId: 1000002 }), CORP);
    const res = await post(signedQuery(encrypted), envelope(encrypted));
    expect(res.statusCode).toBe(200);
    expect(queued.at(-1)).toMatchObject({ messageId: 'wecom-p-123456789', text: '收到 K7Q2', from: { wechatId: 'wecom:lisi' }, room: null });
  });
});
