/**
 * The DingTalk Stream connection (`dingtalk-stream` 2.1.5). The service dials out, so no public
 * callback URL is needed: the SDK POSTs the client id and secret and its subscriptions to the
 * gateway (`/v1.0/gateway/connections/open`), gets `{ endpoint, ticket }`, and opens a WebSocket
 * to `endpoint?ticket=…`. Robot messages come down as `CALLBACK` frames on the topic
 * `/v1.0/im/bot/messages/get` whose `data` is the message JSON; each must be answered with its
 * `messageId` or DingTalk sends it again (within 60 s). SYSTEM `ping` frames are echoed by the SDK.
 *
 * The SDK's gateway URL is a constant; `getEndpoint` is overridden here (same request, same
 * checks) so that a deployment behind a proxy, or a test, can name another one.
 */
import { DWClient, GATEWAY_URL, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';

export { TOPIC_ROBOT };
export type { DWClientDownStream };

const TIMEOUT_MS = 10_000;

/** A DWClient whose gateway URL is configurable. */
export class StreamClient extends DWClient {
  constructor(
    opts: { clientId: string; clientSecret: string },
    private readonly gatewayUrl: string = GATEWAY_URL,
  ) {
    // keepAlive: the SDK pings every 8 s and drops a silent socket (it then reconnects).
    super({ ...opts, keepAlive: true, debug: false, ua: 'gridguard' });
  }

  override async getEndpoint(): Promise<this> {
    const config = this.getConfig();
    let res: Response;
    try {
      res = await fetch(this.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ clientId: config.clientId, clientSecret: config.clientSecret, ua: config.ua, subscriptions: config.subscriptions }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new Error(`DingTalk stream gateway: ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name}`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`DingTalk stream gateway: HTTP ${res.status}`);
    }
    const data = (await res.json().catch(() => null)) as { endpoint?: unknown; ticket?: unknown } | null;
    if (!data || typeof data.endpoint !== 'string' || typeof data.ticket !== 'string' || !data.endpoint || !data.ticket) throw new Error('DingTalk stream gateway: endpoint or ticket is missing');
    // The SDK keeps the socket URL in a private field that its `_connect` reads.
    (this as unknown as { dw_url: string }).dw_url = `${data.endpoint}?ticket=${encodeURIComponent(data.ticket)}`;
    return this;
  }
}
