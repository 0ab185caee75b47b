/**
 * The WeCom gateway (企业微信 / 政务微信): one self-built application (自建应用) plus a group
 * robot (群机器人) in each group it serves, behind the same queues as the Wechaty gateway
 * (issue 17's channel worker sends, budgets and reports):
 * - room messages go through the room's robot webhook; members bound to a WeCom id are
 *   @-mentioned by the robot, others named in the text;
 * - private messages (the full record) go as application messages to the member's WeCom user
 *   id, and only to a member bound on WeCom (DESIGN "Privacy");
 * - what members send the application arrives on the callback URL and becomes an `inbound` job.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ChannelContext, ChannelGateway } from '../../chat/channels.js';
import { createChannelWorker } from '../../chat/channels.js';
import type { ChatOut } from '../../domain/messages.js';
import { platformIdOf, type WecomAccount } from '../config.js';
import { inboundSink, ROBOT_PER_MINUTE, Unsendable } from '../gateway-kit.js';
import { createWecomApi } from './api.js';
import { registerWecomCallback } from './callback.js';

export interface WecomGateway extends ChannelGateway {
  /** Mounts the callback URL on the service's HTTP server (before it listens). */
  routes(app: FastifyInstance): void;
  readonly callbackPath: string;
}

const secretOf = (secrets: Readonly<Record<string, string>>, env: string): string => {
  const v = secrets[env];
  if (!v) throw new Error(`${env} is not set`);
  return v;
};

export function createWecomGateway(ctx: ChannelContext, s: WecomAccount, secrets: Readonly<Record<string, string>>): WecomGateway {
  const botId = ctx.account.id;
  const log = ctx.log.child({ module: 'channels.wecom', botId });
  const api = createWecomApi({ apiBase: s.apiBase, corpId: s.corpId, corpSecret: secretOf(secrets, s.secretEnv), agentId: s.agentId, now: ctx.now });
  const inbound = inboundSink({ connection: ctx.connection, prefix: ctx.prefix, botId }, ctx.redisError, 'channels.wecom');
  const callbackPath = s.callback.path ?? `/wecom/${botId}/callback`;
  let mounted = false;
  let ownServer: FastifyInstance | null = null;

  async function send(out: ChatOut): Promise<void> {
    if ('room' in out) {
      const room = s.rooms[out.room];
      if (!room) throw new Unsendable('no group robot configured for this room');
      const ids = out.mentions.map((m) => platformIdOf('wecom', m.wechatId));
      // Members not on WeCom are named in the text, as a person would write it.
      const byName = out.mentions.filter((_, i) => !ids[i]).map((m) => `@${m.name}`);
      const text = byName.length ? `${byName.join(' ')} ${out.text}` : out.text;
      await api.sendToRobot(secretOf(secrets, room.webhookKeyEnv), text, ids.filter((x): x is string => !!x));
      return;
    }
    const userId = platformIdOf('wecom', out.to.wechatId);
    if (!userId) throw new Unsendable('private message to a member not bound on WeCom');
    await api.sendToUser(userId, out.text);
  }

  // Each room robot takes 20 a minute: the account's budget never exceeds that.
  const account = { ...ctx.account, perMinute: Math.min(ctx.account.perMinute ?? ROBOT_PER_MINUTE, ROBOT_PER_MINUTE) };
  const worker = createChannelWorker({ ...ctx, account }, { send, loggedIn: () => api.ok() });

  const routes = (app: FastifyInstance) => {
    mounted = true;
    registerWecomCallback(app, {
      botId,
      path: callbackPath,
      corpId: s.corpId,
      agentId: s.agentId,
      token: secretOf(secrets, s.callback.tokenEnv),
      aesKey: secretOf(secrets, s.callback.aesKeyEnv),
      log: ctx.log,
      now: ctx.now,
      enqueue: (chat) => inbound.add(chat),
    });
  };

  return {
    account: ctx.account,
    callbackPath,
    loggedIn: () => api.ok(),
    routes,
    async start() {
      // A wrong corp id or secret is told at start-up, in one line; sends wait and retry meanwhile.
      await api.accessToken().then(
        () => log.info({ callbackPath }, 'WeCom application ready'),
        (err) => log.error({ err: (err as Error).message }, 'WeCom refused the access token; check corpId and the application secret'),
      );
      // A gateway process of its own has no HTTP server: the callback gets one.
      if (!mounted && s.callback.listen) {
        ownServer = Fastify({ loggerInstance: log as FastifyBaseLogger });
        routes(ownServer);
        await ownServer.listen({ host: s.callback.listen.host, port: s.callback.listen.port });
      } else if (!mounted) log.warn('the WeCom callback is not mounted: messages from members will not arrive (set callback.listen for a gateway process)');
      await worker.start();
    },
    async stop() {
      await worker.stop();
      await ownServer?.close();
      await inbound.close();
    },
  };
}
