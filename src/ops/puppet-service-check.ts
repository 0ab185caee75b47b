/**
 * Before Wechaty starts a real account: is the puppet-service token known to the token service?
 * wechaty-token answers an unknown token or a dead network with raw stack traces, WARN lines
 * that print the token inside a URL and, in the end, an uncaught `this.listener.onError is not
 * a function`. We ask the same question first and stop with one line that says which.
 */

/** The puppet service cannot be used; the message says why and never contains the token. */
export class PuppetServiceError extends Error {
  override name = 'PuppetServiceError';
}

/**
 * A token as it may appear in a message: its service prefix only (`puppet_padlocal_…`).
 * @example maskToken('puppet_padlocal_0123abcd') // 'puppet_padlocal_… (24 characters)'
 */
export function maskToken(token: string): string {
  const cut = token.lastIndexOf('_');
  const prefix = cut > 0 && cut < token.length - 4 ? token.slice(0, cut + 1) : '';
  return `${prefix}… (${token.length} characters)`;
}

/**
 * Resolves the token as wechaty-token does (`https://<authority>/v0/hosties/<token>`), once,
 * within `timeoutMs`. Resolves when the service knows it; throws PuppetServiceError otherwise.
 */
export async function checkPuppetServiceToken(token: string, authority: string, timeoutMs = 5000): Promise<void> {
  const shown = maskToken(token);
  let res: Response;
  try {
    res = await fetch(`https://${authority}/v0/hosties/${encodeURIComponent(token)}`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; errors?: { code?: string }[]; message?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.cause?.message ?? e.message);
    throw new PuppetServiceError(
      `cannot reach the Wechaty token service ${authority} to resolve WECHATY_PUPPET_SERVICE_TOKEN ${shown} (${why}); check the network and DNS of this host, or set WECHATY_PUPPET_SERVICE_AUTHORITY`,
    );
  }
  const body = await res.text().catch(() => '');
  let address: { host?: unknown; ip?: unknown; port?: unknown } = {};
  try {
    address = JSON.parse(body) as typeof address;
  } catch {
    // Not JSON: treated as unknown below.
  }
  const host = address.host ?? address.ip;
  if (res.ok && host && host !== '0.0.0.0' && Number(address.port) > 0) return;
  const status = res.ok ? 'no address for it' : `HTTP ${res.status}`;
  throw new PuppetServiceError(
    `WECHATY_PUPPET_SERVICE_TOKEN ${shown} does not resolve at ${authority} (${status}): the token is wrong, expired or its service is offline; check it with your puppet service provider`,
  );
}
