/**
 * Which bot account carries a message (issue 17). Core says who a message is for (a room or a
 * member); the profile says which account serves each room (`bot`, default the first account)
 * and which one backs it up (`backupBot`). A private message goes through the account the
 * member bound through, else the account of the member's own room (their unit's task room,
 * else the nearest one up the unit tree, else any room they are in).
 */
import type { ChatOut } from './messages.js';
import type { OrgIndex } from './org.js';
import { PRIORITY } from './types.js';

/** The accounts of one chat: who sends normally, and who sends urgent and high messages while it is down. */
export interface ChatAccounts {
  primary: string;
  backup: string | null;
}

export interface AccountRouting {
  /** Every account id, in profile order. */
  readonly accounts: readonly string[];
  /** The accounts of a room by topic (an unknown topic goes to the first account). */
  room(topic: string): ChatAccounts;
  /** The accounts of a private chat with a member; `boundVia` is the account they bound through. */
  member(name: string, boundVia: string | null): ChatAccounts;
  /** The accounts of an outbound message. */
  of(out: ChatOut, boundVia?: string | null): ChatAccounts;
}

/** A room as the profile names its accounts. */
export interface RoomAccountsConfig {
  topic: string;
  bot?: string | undefined;
  backupBot?: string | undefined;
}

/**
 * @example
 * const r = accountRouting(org, [{ topic: '幸福里第一网格工作群', bot: 'east', backupBot: 'west' }], ['east', 'west'])
 * r.room('幸福里第一网格工作群') // { primary: 'east', backup: 'west' }
 */
export function accountRouting(org: OrgIndex, rooms: readonly RoomAccountsConfig[], accounts: readonly string[]): AccountRouting {
  const first = accounts[0]!;
  const known = new Set(accounts);
  const byTopic = new Map(rooms.map((r) => [r.topic, { primary: r.bot ?? first, backup: r.backupBot ?? null }]));
  const room = (topic: string): ChatAccounts => byTopic.get(topic) ?? { primary: first, backup: null };
  const homeRoom = new Map<string, ChatAccounts>();
  const member = (name: string, boundVia: string | null): ChatAccounts => {
    let home = homeRoom.get(name);
    if (!home) {
      const m = org.member(name);
      const r = m ? (org.taskRoom(m.unit) ?? org.roomsOf(name)[0] ?? null) : null;
      home = r ? room(r.topic) : { primary: first, backup: null };
      homeRoom.set(name, home);
    }
    if (boundVia && known.has(boundVia)) return { primary: boundVia, backup: boundVia === home.primary ? home.backup : home.primary };
    return home;
  };
  return {
    accounts,
    room,
    member,
    of: (out, boundVia = null) => ('room' in out ? room(out.room) : member(out.to.name, boundVia)),
  };
}

/**
 * Messages that go through the backup account while theirs is down: urgent and high cases, and
 * replies to people (who, while their room's account is away, talk to the backup). Routine
 * notices wait for their own account.
 */
export function failsOver(priority: number): boolean {
  return priority <= PRIORITY.reply;
}
