/** Pure queries over the org tree: who sits where, who is in which room, who is above whom. */
import type { Member, Org, Role, Room, Unit } from './types.js';

/** Roles that sit in supervision rooms (DESIGN.md "Public contract"). */
const SUPERVISION_ROLES: ReadonlySet<Role> = new Set(['lead', 'supervisor', 'operator', 'admin']);

/** An indexed, read-only view of the org. Build once per profile, query many times. */
export interface OrgIndex {
  org: Org;
  unit(code: string): Unit | undefined;
  member(name: string): Member | undefined;
  /** The unit itself followed by its parents up to the root. */
  lineage(code: string): Unit[];
  /** The unit and every unit below it. */
  subtree(code: string): Set<string>;
  roomMembers(room: Room): Member[];
  roomsOf(name: string): Room[];
  /** The nearest member with `role` at the unit or above it; null when nobody has that role. */
  nearest(code: string, role: Role): Member | null;
  /** The task room of the unit itself (where its cases are dispatched); null when it has none. */
  taskRoom(code: string): Room | null;
  /** The supervision room up the unit's tree where `member` sits (nearest first); null when none. */
  supervisionRoom(code: string, member: string): Room | null;
  /** The room with this topic. */
  room(topic: string): Room | undefined;
}

/**
 * Indexes an org for fast lookups.
 * @example indexOrg(org).nearest('G1', 'lead')?.name // '王社区'
 */
export function indexOrg(org: Org): OrgIndex {
  const units = new Map(org.units.map((u) => [u.code, u]));
  const members = new Map(org.members.map((m) => [m.name, m]));
  const children = new Map<string, string[]>();
  for (const u of org.units) {
    if (u.parent) children.set(u.parent, [...(children.get(u.parent) ?? []), u.code]);
  }

  const lineage = (code: string): Unit[] => {
    const out: Unit[] = [];
    const seen = new Set<string>();
    for (let u = units.get(code); u && !seen.has(u.code); u = u.parent ? units.get(u.parent) : undefined) {
      seen.add(u.code);
      out.push(u);
    }
    return out;
  };

  const subtree = (code: string): Set<string> => {
    const out = new Set<string>();
    const stack = [code];
    while (stack.length) {
      const c = stack.pop()!;
      if (out.has(c)) continue;
      out.add(c);
      stack.push(...(children.get(c) ?? []));
    }
    return out;
  };

  const roomMembers = (room: Room): Member[] => {
    if (room.members) return room.members.map((n) => members.get(n)).filter((m): m is Member => !!m);
    const below = subtree(room.unit);
    const above = new Set(lineage(room.unit).map((u) => u.code));
    return org.members.filter(
      (m) =>
        (below.has(m.unit) || above.has(m.unit)) &&
        (room.purpose !== 'supervision' || SUPERVISION_ROLES.has(m.role)),
    );
  };

  const roomIndex = new Map<string, Room[]>();
  for (const room of org.rooms) {
    for (const m of roomMembers(room)) roomIndex.set(m.name, [...(roomIndex.get(m.name) ?? []), room]);
  }

  const taskRooms = new Map<string, Room>();
  for (const r of org.rooms) if (r.purpose === 'tasks' && !taskRooms.has(r.unit)) taskRooms.set(r.unit, r);
  const byTopic = new Map(org.rooms.map((r) => [r.topic, r]));

  const nearest = (code: string, role: Role): Member | null => {
    for (const u of lineage(code)) {
      const found = org.members.find((m) => m.unit === u.code && m.role === role);
      if (found) return found;
    }
    return null;
  };

  return {
    org,
    unit: (code) => units.get(code),
    member: (name) => members.get(name),
    lineage,
    subtree,
    roomMembers,
    roomsOf: (name) => roomIndex.get(name) ?? [],
    nearest,
    taskRoom: (code) => taskRooms.get(code) ?? null,
    supervisionRoom: (code, member) => {
      for (const u of lineage(code)) {
        const room = org.rooms.find((r) => r.purpose === 'supervision' && r.unit === u.code && roomMembers(r).some((m) => m.name === member));
        if (room) return room;
      }
      return null;
    },
    room: (topic) => byTopic.get(topic),
  };
}
