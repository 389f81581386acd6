import type { Reference } from '../rules/schema.ts';

/**
 * Guidance a buyer setting an employment requirement can follow. Pointers, not law: the law they
 * apply is cited from the rule packs (SE-SOC-17, NO-SOC-5). Inkludo writes its own text around them.
 */
export const EMPLOYMENT_GUIDANCE: { readonly nationalModel: Reference; readonly criteriaLibrary: Reference } = {
  nationalModel: {
    title: 'Upphandlingsmyndigheten: upphandling med mål att öka sysselsättningen (nationell modell för sysselsättningskrav)',
    url: 'https://www.upphandlingsmyndigheten.se/hallbarhet/socialt-ansvarsfull-upphandling/upphandling-med-mal-att-oka-sysselsattningen/',
  },
  criteriaLibrary: {
    title: 'Upphandlingsmyndigheten: hållbarhetskriterier (kriteriebiblioteket)',
    url: 'https://www.upphandlingsmyndigheten.se/kriterier/',
  },
};
