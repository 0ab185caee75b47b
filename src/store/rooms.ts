/** Room activity without text: who spoke last, and which bot messages dispatched which case. */
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db, Tx } from './db.js';
import { roomMessages } from './schema.js';


export function recordRoomMessage(db: Db | Tx, m: { room: string; at: number; sender: string; caseId?: string | null; mention?: string | null }): void {
  db.insert(roomMessages).values({ room: m.room, at: m.at, sender: m.sender, caseId: m.caseId ?? null, mention: m.mention ?? null }).run();
}

/** The latest message in `room` from anyone but `name`. */
export function latestFromOthers(db: Db | Tx, room: string, name: string): { sender: string; caseId: string | null; mention: string | null } | null {
  return (
    db
      .select({ sender: roomMessages.sender, caseId: roomMessages.caseId, mention: roomMessages.mention })
      .from(roomMessages)
      .where(and(eq(roomMessages.room, room), ne(roomMessages.sender, name)))
      .orderBy(desc(roomMessages.id))
      .get() ?? null
  );
}
