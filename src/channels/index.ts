/**
 * The WeCom and DingTalk adapters (issue 18), registered with issue 17's gateway factory by
 * channel. The composition roots call `registerChannelAdapters(config)` once before they build
 * gateways, and core's process mounts WeCom callbacks on its HTTP server with `mountChannelRoutes`.
 */
import type { FastifyInstance } from 'fastify';
import { registerChannel, type ChannelGateway } from '../chat/channels.js';
import type { ChannelSettings } from './config.js';
import { createDingtalkGateway } from './dingtalk/gateway.js';
import { createWecomGateway } from './wecom/gateway.js';

export interface ChannelSource {
  profile: { channels?: ChannelSettings };
  /** Secrets by environment variable name (Config.channelSecrets). */
  channelSecrets?: Readonly<Record<string, string>>;
}

/** Makes the `wecom` and `dingtalk` channels available, with this configuration's settings and secrets. */
export function registerChannelAdapters(source: ChannelSource): void {
  const settings = (id: string) => source.profile.channels?.accounts[id];
  registerChannel('wecom', (ctx) => {
    const a = settings(ctx.account.id);
    if (a?.kind !== 'wecom') throw new Error(`bots: account "${ctx.account.id}" has no wecom settings`);
    return createWecomGateway(ctx, a.settings, source.channelSecrets ?? {});
  });
  registerChannel('dingtalk', (ctx) => {
    const a = settings(ctx.account.id);
    if (a?.kind !== 'dingtalk') throw new Error(`bots: account "${ctx.account.id}" has no dingtalk settings`);
    return createDingtalkGateway(ctx, a.settings, source.channelSecrets ?? {});
  });
}

/** Mounts the callback URLs of the gateways that have one (WeCom) on `app`, before it listens. */
export function mountChannelRoutes(gateways: readonly ChannelGateway[], app: FastifyInstance): void {
  for (const g of gateways) {
    const routes = (g as Partial<{ routes(app: FastifyInstance): void }>).routes;
    if (typeof routes === 'function') routes.call(g, app);
  }
}
