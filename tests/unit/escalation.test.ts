import { describe, expect, it } from 'vitest';
import { deferQuiet, effectiveChain, nextStep, type EscalationPolicy, type EscalationState } from '../../src/domain/escalation.js';

const TZ = 'Asia/Shanghai';
const t0 = Date.parse('2026-11-23T10:00:00+08:00');
const m = 60_000;
const urgent: EscalationPolicy = { ackWithin: 5 * m, resolveWithin: 30 * m, stepEvery: 5 * m, repeatEvery: 10 * m, chain: ['assignee', 'lead', 'supervisor', 'operator'] };
const state = (over: Partial<EscalationState> = {}): EscalationState => ({
  status: 'dispatched',
  ackDueAt: t0 + 5 * m,
  resolveDueAt: t0 + 30 * m,
  phaseStep: 0,
  supervisedAt: null,
  ...over,
});

describe('the acknowledgement phase', () => {
  it.each([
    [0, 5, 'assignee', false],
    [1, 10, 'lead', false],
    [2, 15, 'supervisor', false],
    [3, 20, 'operator', false],
    [4, 30, 'operator', true],
    [5, 40, 'operator', true],
  ])('step %i is due at +%i min for %s (repeat: %s)', (phaseStep, minutes, role, repeat) => {
    expect(nextStep(state({ phaseStep }), urgent, urgent.chain, TZ)).toEqual({ at: t0 + minutes * m, phase: 'ack', index: phaseStep, role, repeat });
  });

  it('stops after the last role when there is no repeat', () => {
    const high: EscalationPolicy = { ackWithin: 15 * m, resolveWithin: 2 * 60 * m, stepEvery: 15 * m, chain: ['assignee', 'lead', 'supervisor'] };
    expect(nextStep(state({ phaseStep: 3 }), high, high.chain, TZ)).toBeNull();
  });

  it('uses ackWithin as the step when stepEvery is not set', () => {
    const p: EscalationPolicy = { ackWithin: 2 * m, resolveWithin: 10 * m, chain: ['assignee', 'lead'] };
    expect(nextStep(state({ ackDueAt: t0 + 2 * m, phaseStep: 1 }), p, p.chain, TZ)?.at).toBe(t0 + 4 * m);
  });
});

describe('the resolution phase', () => {
  it('runs the chain again from its second role once resolveWithin passes', () => {
    const s = state({ status: 'acknowledged' });
    expect(nextStep(s, urgent, urgent.chain, TZ)).toEqual({ at: t0 + 30 * m, phase: 'resolve', index: 0, role: 'lead', repeat: false });
    expect(nextStep({ ...s, phaseStep: 2 }, urgent, urgent.chain, TZ)).toMatchObject({ at: t0 + 40 * m, role: 'operator' });
  });
});

describe('nothing is due', () => {
  it.each(['resolved', 'cancelled'])('for a %s case', (status) => expect(nextStep(state({ status }), urgent, urgent.chain, TZ)).toBeNull());
  it('after a supervisor took it (督办)', () => expect(nextStep(state({ supervisedAt: t0 }), urgent, urgent.chain, TZ)).toBeNull());
  it('for a level without a chain', () => expect(nextStep(state(), { ackWithin: 24 * 60 * m, resolveWithin: 72 * 60 * m, chain: [] }, [], TZ)).toBeNull());
});

describe('roles with nobody to reach', () => {
  it('are skipped to the next role', () => {
    const chain = effectiveChain(urgent.chain, (role) => role !== 'lead');
    expect(chain).toEqual(['assignee', 'supervisor', 'operator']);
    expect(nextStep(state({ phaseStep: 1 }), urgent, chain, TZ)?.role).toBe('supervisor');
  });
});

describe('quiet hours', () => {
  const quiet = { from: '22:00', to: '07:00' };
  it('moves a step due at night to the end of quiet hours, the next morning', () => {
    expect(new Date(deferQuiet(Date.parse('2026-11-23T23:30:00+08:00'), quiet, TZ)).toISOString()).toBe('2026-11-23T23:00:00.000Z');
    expect(new Date(deferQuiet(Date.parse('2026-11-24T03:10:00+08:00'), quiet, TZ)).toISOString()).toBe('2026-11-23T23:00:00.000Z');
  });
  it('leaves a daytime step alone', () => {
    const at = Date.parse('2026-11-23T15:00:00+08:00');
    expect(deferQuiet(at, quiet, TZ)).toBe(at);
  });
  it('applies to a medium case’s step', () => {
    const medium: EscalationPolicy = { ackWithin: 2 * 60 * m, resolveWithin: 24 * 60 * m, stepEvery: 2 * 60 * m, chain: ['assignee', 'lead'], quietHours: quiet };
    const late = state({ ackDueAt: Date.parse('2026-11-23T22:30:00+08:00') });
    expect(nextStep(late, medium, medium.chain, TZ)?.at).toBe(Date.parse('2026-11-24T07:00:00+08:00'));
  });
});
