/**
 * Wechaty and its puppets log through brolog straight to the console, in their own format, and
 * print the puppet-service token inside URLs. Their lines go through our pino logger
 * instead (one format, the profile's redaction) with every secret replaced by `[redacted]`.
 */
import { Brolog } from 'brolog';
import { log as wechatyLog } from 'wechaty';
import type { Log } from '../log.js';

type Printer = (levelTitle: string, text: string) => void;
interface Printable {
  enableLogging(printer: Printer | boolean): unknown;
}

/**
 * Routes both brolog instances (wechaty-puppet's own and brolog's global one, which
 * wechaty-token uses) into `log`, censoring `secrets`. Returns a function that restores them.
 */
export function routeWechatyLogs(log: Log, secrets: (string | null | undefined)[]): () => void {
  const words = secrets.filter((s): s is string => !!s && s.length >= 4);
  const censor = (text: string) => words.reduce((t, w) => t.split(w).join('[redacted]').split(encodeURIComponent(w)).join('[redacted]'), text);
  const child = log.child({ module: 'wechaty' });
  const printer: Printer = (level, text) => {
    // brolog prefixes its own clock: pino has one already.
    const line = censor(text.replace(/^\d{2}:\d{2}:\d{2}\s+/, '').replace(/^(ERR|WARN|INFO|VERB|SILL)\s+/, ''));
    if (level === 'ERR') child.error(line);
    else if (level === 'WARN') child.warn(line);
    else if (level === 'INFO') child.info(line);
    else child.debug(line);
  };
  const instances = [wechatyLog as unknown as Printable, Brolog.instance() as unknown as Printable];
  for (const i of instances) i.enableLogging(printer);
  return () => instances.forEach((i) => i.enableLogging(true));
}
