import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/config.js';
import { indexOrg } from '../../src/domain/org.js';

const org = indexOrg(parseProfile(parse(readFileSync('bots/demo.yaml', 'utf8'))).org);
const room = (topic: string) => org.org.rooms.find((r) => r.topic === topic)!;
const names = (topic: string) => org.roomMembers(room(topic)).map((m) => m.name).sort();

describe('room membership (DESIGN.md rule)', () => {
  it('puts the grid, the units above it, and nobody from a sibling grid in a task room', () => {
    const members = names('幸福里第一网格工作群');
    expect(members).toEqual(expect.arrayContaining(['李网格', '周网格', '王社区', '赵督导', '冯中心']));
    expect(members).not.toContain('陈网格');
    expect(members).not.toContain('郑社区');
  });

  it('keeps only leads, supervisors, operators and admins in a supervision room', () => {
    expect(names('三里屯派出所督导群')).toEqual(['冯中心', '林管理', '王社区', '赵督导', '郑社区', '钱警官'].sort());
  });

  it('lets an explicit member list replace the rule', () => {
    const custom = indexOrg({ ...org.org, rooms: [{ topic: 'x', unit: 'G1', purpose: 'tasks', members: ['孙志愿'] }] });
    expect(custom.roomMembers(custom.org.rooms[0]!).map((m) => m.name)).toEqual(['孙志愿']);
  });

  it('lists the rooms of a member', () => {
    expect(org.roomsOf('孙志愿').map((r) => r.topic)).toEqual(expect.arrayContaining(['幸福里第一网格工作群', '幸福里反诈志愿者群']));
    expect(org.roomsOf('孙志愿').map((r) => r.topic)).not.toContain('三里屯派出所督导群');
  });
});

describe('the unit tree', () => {
  it('finds the nearest member of a role up the tree', () => {
    expect(org.nearest('G1', 'lead')?.name).toBe('王社区');
    expect(org.nearest('G3', 'lead')?.name).toBe('郑社区');
    expect(org.nearest('G1', 'supervisor')?.name).toBe('赵督导');
    expect(org.nearest('G1', 'operator')?.name).toBe('冯中心');
    expect(org.nearest('PS1', 'lead')).toBeNull();
  });

  it('walks lineage and subtree', () => {
    expect(org.lineage('G2').map((u) => u.code)).toEqual(['G2', 'C1', 'PS1', 'D1']);
    expect([...org.subtree('C2')].sort()).toEqual(['C2', 'G3', 'G4']);
  });
});
