import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/config.js';
import { indexOrg } from '../../src/domain/org.js';
import { rankCommunities, rankingText } from '../../src/domain/outreach-ranking.js';

const org = indexOrg(parseProfile(parse(readFileSync('bots/demo.yaml', 'utf8'))).org);

// A hand-computed week: C1 = its volunteers (C1) + grid G1 + grid G2; C2 = G3 + its volunteers.
const totals = [
  { unit: 'C1', events: 3, people: 240, installs: 60 },
  { unit: 'G1', events: 2, people: 100, installs: 30 },
  { unit: 'G2', events: 1, people: 35, installs: 5 },
  { unit: 'C2', events: 4, people: 375, installs: 50 },
  { unit: 'G3', events: 1, people: 20, installs: 40 },
  // Station-level outreach belongs to no community and is not ranked.
  { unit: 'PS1', events: 9, people: 999, installs: 99 },
];

describe('the weekly ranking by community', () => {
  const rows = rankCommunities(org, totals, 'PS1');

  it('sums each community’s subtree and ranks by people reached', () => {
    expect(rows).toEqual([
      { community: 'C2', name: '团结湖社区', events: 5, people: 395, installs: 90 },
      { community: 'C1', name: '幸福里社区', events: 6, people: 375, installs: 95 },
    ]);
  });

  it('breaks a tie on people by installs, and lists a quiet community last with zeros', () => {
    const tied = rankCommunities(org, [{ unit: 'G1', events: 1, people: 50, installs: 5 }, { unit: 'G3', events: 1, people: 50, installs: 9 }], 'PS1');
    expect(tied.map((r) => r.community)).toEqual(['C2', 'C1']);
    const quiet = rankCommunities(org, [{ unit: 'G1', events: 1, people: 50, installs: 5 }], 'PS1');
    expect(quiet[1]).toEqual({ community: 'C2', name: '团结湖社区', events: 0, people: 0, installs: 0 });
  });

  it('only ranks the communities under the room’s unit', () => {
    expect(rankCommunities(org, totals, 'C1').map((r) => r.community)).toEqual(['C1']);
  });

  it('reads well on a phone', () => {
    expect(rankingText(rows, '11月16日', '11月22日').split('\n')).toEqual([
      '【反诈宣传周榜】11月16日–11月22日',
      '🥇 团结湖社区 5场 · 覆盖395人 · 装APP 90',
      '🥈 幸福里社区 6场 · 覆盖375人 · 装APP 95',
      '合计 11场，覆盖770人，装APP 185',
    ]);
  });
});
