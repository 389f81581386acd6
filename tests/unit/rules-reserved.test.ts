import { describe, expect, it } from 'vitest';
import { checkReservedEligibility, type EligibilityInput, type ShareEvidence } from '../../core/index.ts';

const NO_DENOM = 'employees' as const;
const SE_DENOM = 'occupied' as const;

function check(jurisdiction: 'NO' | 'SE', share: ShareEvidence | null, extra: Partial<EligibilityInput> = {}) {
  return checkReservedEligibility({ jurisdiction, checkDate: '2026-11-23', share, purposeAttested: true, ...extra });
}

describe('the 30 % share, on each jurisdiction’s own denominator', () => {
  it.each([
    ['NO', NO_DENOM],
    ['SE', SE_DENOM],
  ] as const)('%s: 29.9 % is not enough, 30 % is', (jurisdiction, denominator) => {
    expect(check(jurisdiction, { denominator, percent: 29.9, asOf: '2026-10-01' }).status).toBe('ineligible');
    expect(check(jurisdiction, { denominator, percent: 29.999999, asOf: '2026-10-01' }).status).toBe('ineligible');
    expect(check(jurisdiction, { denominator, percent: 30, asOf: '2026-10-01' }).status).toBe('eligible');
  });

  it('counts are compared exactly: 299 of 1000 fails, 3 of 10 passes, 2 of 5 passes (part-time counts as a head)', () => {
    expect(check('NO', { denominator: NO_DENOM, counts: { target: 299, total: 1000 }, asOf: '2026-10-01' }).status).toBe('ineligible');
    expect(check('NO', { denominator: NO_DENOM, counts: { target: 3, total: 10 }, asOf: '2026-10-01' }).status).toBe('eligible');
    expect(check('NO', { denominator: NO_DENOM, counts: { target: 2, total: 5 }, asOf: '2026-10-01' })).toMatchObject({ status: 'eligible', sharePercent: 40 });
  });

  it('Sweden counts everyone occupied: a share counted on employees only is not verified, and vice versa for Norway', () => {
    const se = check('SE', { denominator: 'employees', percent: 45, asOf: '2026-10-01' });
    expect(se).toMatchObject({ status: 'unverified', reasons: ['denominator-mismatch'] });
    expect(se.findings[0]?.messageKey).toBe('finding.RESERVED-UNVERIFIED.denominator-mismatch');
    expect(check('NO', { denominator: 'occupied', percent: 45, asOf: '2026-10-01' }).reasons).toEqual(['denominator-mismatch']);
  });

  it('names the rule it used', () => {
    expect(check('NO', { denominator: NO_DENOM, percent: 30, asOf: '2026-10-01' }).ruleIds).toEqual(['NO-RES-30']);
    expect(check('SE', { denominator: SE_DENOM, percent: 30, asOf: '2026-10-01' }).ruleIds).toEqual(['SE-RES-418']);
  });
});

describe('evidence: purpose, date and age', () => {
  const ok = { denominator: NO_DENOM, percent: 50 };

  it('needs the purpose attested', () => {
    expect(check('NO', { ...ok, asOf: '2026-10-01' }, { purposeAttested: false }).reasons).toEqual(['purpose-not-attested']);
    expect(check('NO', { ...ok, asOf: '2026-10-01' }, { purposeAttested: null }).status).toBe('unverified');
  });

  it('is stale after 365 days by default, on the day after the limit', () => {
    expect(check('NO', { ...ok, asOf: '2025-11-23' }).status).toBe('eligible'); // 365 days
    const stale = check('NO', { ...ok, asOf: '2025-11-22' }); // 366 days
    expect(stale.status).toBe('stale');
    expect(stale.findings[0]).toMatchObject({ code: 'RESERVED-EVIDENCE-STALE', params: { age: 366, maxAge: 365 } });
  });

  it('an organisation can set its own maximum age', () => {
    const verdict = checkReservedEligibility({ jurisdiction: 'SE', checkDate: '2026-11-23', purposeAttested: true, share: { denominator: SE_DENOM, percent: 40, asOf: '2026-06-01' } }, undefined, { maxEvidenceAgeDays: 90 });
    expect(verdict.status).toBe('stale');
  });

  it('evidence dated after the check date, undated or missing is not verified', () => {
    expect(check('NO', { ...ok, asOf: '2026-11-24' }).reasons).toEqual(['evidence-after-check-date']);
    expect(check('NO', { ...ok, asOf: null }).reasons).toEqual(['evidence-date-missing']);
    expect(check('NO', null).reasons).toEqual(['share-missing']);
  });

  it('nonsense counts and percentages are not verified, never eligible', () => {
    for (const share of [
      { denominator: NO_DENOM, counts: { target: 5, total: 4 }, asOf: '2026-10-01' },
      { denominator: NO_DENOM, counts: { target: 1, total: 0 }, asOf: '2026-10-01' },
      { denominator: NO_DENOM, counts: { target: 1.5, total: 4 }, asOf: '2026-10-01' },
      { denominator: NO_DENOM, percent: 130, asOf: '2026-10-01' },
      { denominator: NO_DENOM, percent: Number.NaN, asOf: '2026-10-01' },
      { denominator: NO_DENOM, asOf: '2026-10-01' },
    ]) {
      expect(check('NO', share).reasons).toEqual(['share-invalid']);
    }
  });
});
