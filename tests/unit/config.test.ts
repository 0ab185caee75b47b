import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, DEFAULT_POLICY, loadConfig, parseProfile } from '../../src/config.js';

const demo = () => parse(readFileSync('bots/demo.yaml', 'utf8')) as Record<string, any>;

function problemsOf(raw: unknown): string[] {
  try {
    parseProfile(raw, 'test.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('the profile', () => {
  it('accepts the demo profile with the default policy', () => {
    const p = parseProfile(demo());
    expect(p.bot.name).toBe('网格哨兵');
    expect(p.bot.sendInterval).toBe(1500);
    expect(p.policy.urgent).toEqual(DEFAULT_POLICY.urgent);
    expect(p.org.members.length).toBeGreaterThanOrEqual(12);
  });

  it('covers every role, one station, two communities and four grids in the demo', () => {
    const p = parseProfile(demo());
    expect(new Set(p.org.members.map((m) => m.role))).toEqual(new Set(['worker', 'lead', 'supervisor', 'operator', 'volunteer', 'admin']));
    const kinds = p.org.units.map((u) => u.kind);
    expect(kinds.filter((k) => k === 'station')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'community')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'grid')).toHaveLength(4);
    expect(new Set(p.org.rooms.map((r) => r.purpose))).toEqual(new Set(['tasks', 'supervision', 'volunteers']));
  });

  it('fills defaults when only org is given', () => {
    const p = parseProfile({ org: { units: [{ code: 'G1', name: '一网格', kind: 'grid' }] } });
    expect(p.timezone).toBe('Asia/Shanghai');
    expect(p.shifts.boundaries).toBe('0 8,20 * * *');
    expect(p.policy.high.ackWithin).toBe(15 * 60_000);
  });

  it('refuses a wrong level name with its path', () => {
    const raw = demo();
    raw.policy.critical = raw.policy.urgent;
    expect(problemsOf(raw)).toEqual([expect.stringMatching(/^policy: .*critical/)]);
  });

  it('refuses a member of a unit that does not exist with the field path', () => {
    const raw = demo();
    raw.org.members[3].unit = 'G9';
    expect(problemsOf(raw)).toEqual(['org.members[3].unit: unknown unit "G9"']);
  });

  it('lists every bad field, one line each', () => {
    const raw = demo();
    raw.org.rooms[0].unit = 'X1';
    raw.org.units[2].parent = 'NOPE';
    raw.policy.high.ackWithin = 'soon';
    raw.org.members[0].role = 'boss';
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^policy\.high\.ackWithin: expected a duration/),
        expect.stringMatching(/^org\.members\[0\]\.role: /),
      ]),
    );
  });

  it('refuses duplicate names, topics and bind codes, and parent cycles', () => {
    const raw = demo();
    raw.org.members[1].name = raw.org.members[0].name;
    raw.org.members[2].bindCode = raw.org.members[0].bindCode.toLowerCase();
    raw.org.rooms[1].topic = raw.org.rooms[0].topic;
    raw.org.units[0].parent = 'G1';
    const problems = problemsOf(raw);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^org\.members\[1\]\.name: duplicate/),
        expect.stringMatching(/^org\.members\[2\]\.bindCode: duplicate/),
        expect.stringMatching(/^org\.rooms\[1\]\.topic: duplicate/),
        expect.stringMatching(/own ancestor/),
      ]),
    );
  });

  it('reads rosters and names every bad roster field', () => {
    const raw = demo();
    raw.rosters = {
      holidays: ['2026-10-01'],
      units: [
        { unit: 'G1', shifts: [{ name: '白班', from: '08:00', to: '20:00', members: ['李网格'] }], overrides: [{ date: '2026-12-01', off: ['李网格'] }] },
        { unit: 'PS1', shifts: [{ name: '夜班', from: '20:00', to: '08:00', days: 'daily', members: ['钱警官'] }] },
      ],
    };
    const p = parseProfile(raw);
    expect(p.rosters?.units[0]?.shifts[0]).toEqual({ name: '白班', from: '08:00', to: '20:00', days: 'daily', members: ['李网格'] });
    raw.rosters.units.push({ unit: 'G9', shifts: [{ name: '白班', from: '8:00', to: '20:00', members: ['不存在'] }], overrides: [{ date: '2026-13-01', shift: '早班', off: ['李网格'] }] });
    expect(problemsOf(raw)).toEqual([
      'rosters.units[2].shifts[0].from: expected a local time HH:mm such as 08:00',
      'rosters.units[2].overrides[0].date: not a calendar date; expected YYYY-MM-DD such as 2026-10-01',
      'rosters.units[2].unit: unknown unit "G9"',
      'rosters.units[2].shifts[0].members[0]: unknown member "不存在"',
      'rosters.units[2].overrides[0].shift: no shift named "早班" in this roster',
    ]);
  });

  it('refuses quiet hours on urgent cases and a bad clock time', () => {
    const raw = demo();
    raw.policy.urgent.quietHours = { from: '22:00', to: '07:00' };
    raw.policy.medium.quietHours = { from: '22:00', to: '7am' };
    expect(problemsOf(raw)).toEqual(['policy.urgent.quietHours: quietHours are not allowed for urgent cases', 'policy.medium.quietHours.to: expected a local time HH:mm such as 22:00']);
  });

  it('refuses an unknown time zone and a room member who is not on the roster', () => {
    const raw = demo();
    raw.timezone = 'Mars/Olympus';
    raw.org.rooms[0].members = ['李网格', '不存在'];
    expect(problemsOf(raw)).toEqual(['timezone: expected an IANA time zone such as Asia/Shanghai', 'org.rooms[0].members[1]: unknown member "不存在"']);
  });
});

describe('the environment', () => {
  it('has the contract defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      profilePath: 'bots/demo.yaml',
      databasePath: 'data/gridguard.db',
      redisUrl: null,
      queuePrefix: 'gridguard',
      http: { host: '127.0.0.1', port: 8787 },
      intakeToken: null,
      puppet: { name: 'wechaty-puppet-mock', token: null },
      sandbox: true,
      logLevel: 'info',
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names each bad variable', () => {
    let problems: string[] = [];
    try {
      loadConfig({ HTTP_PORT: 'eighty', QUEUE_PREFIX: 'a:b', LOG_LEVEL: 'loud' });
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect(problems.sort()).toEqual([
      'HTTP_PORT: expected a port number 0-65535',
      expect.stringMatching(/^LOG_LEVEL: .*"info"/),
      'QUEUE_PREFIX: expected letters, digits, _ . or - (no colon)',
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ REDIS_URL: '', INTAKE_TOKEN: '' })).toMatchObject({ redisUrl: null, intakeToken: null });
  });

  it('requires a token for the puppet service', () => {
    expect(() => loadConfig({ WECHATY_PUPPET: 'wechaty-puppet-service' })).toThrow(/WECHATY_PUPPET_SERVICE_TOKEN/);
  });

  it('says when the profile file is missing', () => {
    expect(() => loadConfig({ GRIDGUARD_PROFILE: 'bots/nope.yaml' })).toThrow(/bots\/nope\.yaml is invalid:\n {2}cannot read the file/);
  });
});
