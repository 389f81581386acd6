import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, inclusiveCategory } from '../../core/index.ts';

describe('inclusiveCategory: labour-intensive categories by CPV, from the packs', () => {
  it.each([
    ['90910000-9', '9091'],
    ['90911200-8', '9091'],
    ['77310000-6', '773'],
    ['55510000-8', '555'],
    ['79713000-5', '7971'],
    ['45214200-2', '45'],
    ['98310000-9', '98310000'],
    ['85311000-2', '85'],
  ])('%s is labour-intensive (prefix %s) in both countries', (cpv, prefix) => {
    for (const j of ['NO', 'SE'] as const) {
      const m = inclusiveCategory(cpv, DEFAULT_RULES[j]);
      expect(m).toMatchObject({ code: cpv.slice(0, 8), prefix, category: { basis: 'rule-of-thumb', status: 'unverified' } });
      expect(m?.category.note).toMatch(/rule of thumb/i);
    }
  });

  it.each(['72000000-5', '30200000-1', '98311000-6', '79100000-5', '90900000-6', 'not a code'])('%s is not', (cpv) => {
    expect(inclusiveCategory(cpv, DEFAULT_RULES.NO)).toBeNull();
  });

  it('the EU pack has no such list', () => expect(inclusiveCategory('90910000-9', DEFAULT_RULES.EU)).toBeNull());
});
