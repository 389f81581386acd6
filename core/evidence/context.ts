import { translator, type Lang, type Translate } from '../i18n/index.ts';
import { DEFAULT_RULES, type RuleSet } from '../rules/packs/index.ts';
import type { RulePack } from '../rules/schema.ts';
import { citationsOf } from './citations.ts';
import type { Citation } from './model.ts';
import { reservationBasis, type ReservationBasis } from './legal-basis.ts';
import type { EvidencePurchase } from './purchase.ts';

/** What every part of the evidence pack reads: the purchase, its legal basis and the pack's evidence policy. */
export interface PartContext {
  readonly lang: Lang;
  readonly t: Translate;
  readonly purchase: EvidencePurchase;
  readonly basis: ReservationBasis;
  readonly rules: RuleSet;
  readonly pack: RulePack;
  /** The basis provision as a list (empty when there is none), for paragraphs that cite it. */
  readonly basisCites: readonly Citation[];
  readonly shareCites: readonly Citation[];
  /** The regime's threshold rules: what a sentence about the regime rests on. */
  readonly regimeCites: readonly Citation[];
  /** Params every part uses: required share, denominator, maximum evidence age, policy source. */
  readonly params: Readonly<Record<string, string | number>>;
}

const REGIME_PARAMETER = /^(?:NO-(?:LOW|NAT|EEA)|SE-(?:DU|THR))(?:-|$)/;

export function partContext(purchase: EvidencePurchase, lang: Lang, rules: RuleSet = DEFAULT_RULES): PartContext {
  const t = translator(lang);
  const pack = rules[purchase.jurisdiction];
  const basis = reservationBasis(purchase, rules);
  const denominator = basis.denominator ? t(`evidence.denominator.${basis.denominator}`) : t('evidence.denominator.unknown');
  return {
    lang,
    t,
    purchase,
    basis,
    rules,
    pack,
    basisCites: basis.provision ? [basis.provision] : [],
    shareCites: basis.share ? [basis.share.citation] : [],
    regimeCites: citationsOf(purchase.ruleIds.filter((id) => REGIME_PARAMETER.test(id)), rules),
    params: {
      required: basis.share?.percent ?? '—',
      denominator,
      maxAge: pack.policy.evidenceMaxAgeDays,
      policyTitle: pack.policy.reference.title,
      policyUrl: pack.policy.reference.url,
      pack: `${pack.jurisdiction} ${pack.version}`,
      country: t(`evidence.country.${purchase.jurisdiction}`),
    },
  };
}
