/** Core vocabulary of GridGuard, shared by every layer. Pure types and constants. */

export const LEVELS = ['urgent', 'high', 'medium', 'low'] as const;
/** Lead/case level: 紧急/高危/中危/低危. */
export type Level = (typeof LEVELS)[number];

export const LEVEL_ZH: Record<Level, string> = {
  urgent: '紧急',
  high: '高危',
  medium: '中危',
  low: '低危',
};

export const ROLES = ['worker', 'lead', 'supervisor', 'operator', 'volunteer', 'admin'] as const;
/** What a member does in the org; decides help text and permissions. */
export type Role = (typeof ROLES)[number];

export const ROLE_ZH: Record<Role, string> = {
  worker: '网格员',
  lead: '社区负责人',
  supervisor: '派出所督导',
  operator: '反诈中心',
  volunteer: '志愿者',
  admin: '管理员',
};

export const UNIT_KINDS = ['district', 'station', 'community', 'grid'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROOM_PURPOSES = ['tasks', 'supervision', 'volunteers'] as const;
export type RoomPurpose = (typeof ROOM_PURPOSES)[number];

export const CHAIN_ROLES = ['assignee', 'lead', 'supervisor', 'operator'] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

export interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
  parent?: string | undefined;
}

export interface Member {
  name: string;
  role: Role;
  unit: string;
  bindCode?: string | undefined;
}

export interface Room {
  topic: string;
  unit: string;
  purpose: RoomPurpose;
  /** Explicit member names; replaces the default membership rule when set. */
  members?: string[] | undefined;
}

export interface Org {
  units: Unit[];
  rooms: Room[];
  members: Member[];
}

/** Outbound message priority (BullMQ: lower number = sooner). Urgent cases overtake routine chat. */
export const PRIORITY: Record<Level | 'reply' | 'routine', number> = {
  urgent: 1,
  high: 2,
  reply: 3,
  medium: 4,
  low: 5,
  routine: 6,
};
