import { hasMessage, translate, type Lang, type MessageParams } from '../i18n/index.ts';
import { memoizedWhenShared } from '../shared-memo.ts';
import type { Finding } from './findings.ts';
import { CONTRACT_KINDS, REGIME_CODES } from './regime.ts';

const REGIMES: readonly string[] = REGIME_CODES;
const KINDS: readonly string[] = CONTRACT_KINDS;

/** Params that are codes themselves (a regime, a denominator, a status) are shown by their label. */
function localizeParams(lang: Lang, params: MessageParams): MessageParams {
  const out: Record<string, MessageParams[string]> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' && (name === 'regime' || name === 'otherRegime') && REGIMES.includes(value)) out[name] = translate(lang, `regime.${value}`);
    else if ((name === 'kind' || name === 'cpvKind') && typeof value === 'string' && KINDS.includes(value)) out[name] = translate(lang, `kind.${value}`);
    else if (name === 'denominator' && (value === 'employees' || value === 'occupied')) out[name] = translate(lang, `denominator.${value}`);
    else if (name === 'status' && (value === 'verified' || value === 'pending' || value === 'unverified')) out[name] = translate(lang, `status.${value}`);
    else if (name === 'parameter' && typeof value === 'string') out[name] = parameterLabel(lang, value);
    else if (name === 'from' && value === null) out[name] = translate(lang, 'rules.from-undecided');
    else if ((name === 'buyer' || name === 'otherBuyer') && (value === 'state' || value === 'municipal')) out[name] = translate(lang, `buyer.${value}`);
    else if ((name === 'kind' || name === 'cpvKind') && typeof value === 'string' && hasMessage(`kind.${value}`)) out[name] = translate(lang, `kind.${value}`);
    else if (name === 'where' && value === 'tab') out[name] = translate(lang, 'origin.tab');
    else if (name === 'where' && typeof value === 'string' && /^row \d+$/.test(value)) out[name] = translate(lang, 'origin.row', { row: value.slice(4) });
    else if (name === 'forms' && value === 'amount') out[name] = translate(lang, 'value.forms');
    else if (name === 'basis' && typeof value === 'string' && hasMessage(`basis.${value}`)) out[name] = translate(lang, `basis.${value}`);
    else if (name === 'role' && typeof value === 'string' && hasMessage(`addin.mapping.role.${value}`)) out[name] = translate(lang, `addin.mapping.role.${value}`).toLowerCase();
    // Who verified a value an organisation's pack applied: said wherever a finding cites it, never shown as bundled.
    else if (name === 'usedBy') out[name] = typeof value === 'string' ? `, ${translate(lang, 'status.verified-by', { who: value })}` : '';
    else out[name] = value;
  }
  return out;
}

/** A rule-pack parameter by its name in the user's language; an organisation's own parameter by its id. */
export function parameterLabel(lang: Lang, parameter: string): string {
  return hasMessage(`param.${parameter}`) ? translate(lang, `param.${parameter}`) : parameter;
}

/** A shared finding (a split-purchase window's, a reservation candidate's) is described once per language. */
const described: Readonly<Record<Lang, (f: Finding) => string>> = {
  nb: memoizedWhenShared((f) => describeAnew('nb', f)),
  sv: memoizedWhenShared((f) => describeAnew('sv', f)),
  en: memoizedWhenShared((f) => describeAnew('en', f)),
};

function describeAnew(lang: Lang, f: Finding): string {
  return translate(lang, f.messageKey, localizeParams(lang, f.params)).trim();
}

/** A finding as one sentence in the user's language. */
export function describeFinding(lang: Lang, f: Finding): string {
  return described[lang](f);
}
