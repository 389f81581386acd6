import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyReservationText, findReservationPhrases, mayStateReservation } from '../../core/index.ts';

// The SDK code texts (eForms SDK 1.15.1 reserved-procurement.gc; nb from SDK-NOR), verbatim.
const RES_WS = {
  en: 'Participation is reserved to sheltered workshops and economic operators aiming at the social and professional integration of disabled or disadvantaged persons.',
  sv: 'Deltagande förbehålls skyddade verkstäder och leverantörer vars mål är social och yrkesmässig integration av personer med funktionsnedsättning eller personer som är missgynnade.',
  nb: 'Deltakelse er reservert for/forbeholdt vernede bedrifter og virksomheter som har sosial og faglig integrasjon av funksjonshemmede eller vanskeligstilte personer til formål.',
};
const RES_PUB_SER = {
  en: 'Participation is reserved to organisations pursuing a public service mission and fulfilling other relevant conditions in the legislation.',
  sv: 'Deltagande förbehålls organisationer med offentligt uppdrag som är kopplat till sådana tjänster som specificeras i upphandlingsdirektiven och som uppfyller andra relevanta villkor i lagstiftningen.',
  nb: 'Deltakelse er reservert for/forbeholdt virksomheter/virksomheter med offentlig tjenesteoppdrag eller andre relevante vilkår i lovverk.',
};
const LABEL = { en: 'Reserved participation', sv: 'Reserverad upphandling', nb: 'Reservert deltakelse' };

describe('reservation text: eForms labels with their code texts', () => {
  for (const lang of ['en', 'sv', 'nb'] as const) {
    it(`${lang}: res-ws after the BT-71 label is a work-integration reservation`, () => {
      expect(classifyReservationText(`${LABEL[lang]}: ${RES_WS[lang]}`)).toBe('work-integration');
      // The same with the label and value in separate lines, as rendered pages lay them out.
      expect(classifyReservationText(`${LABEL[lang]}\n  ${RES_WS[lang]}`)).toBe('work-integration');
    });
    it(`${lang}: res-pub-ser is a public-service-mission reservation, never a sheltered-workshop one`, () => {
      const text = `${LABEL[lang]}: ${RES_PUB_SER[lang]}`;
      expect(classifyReservationText(text)).toBe('public-service-mission');
      expect(findReservationPhrases(text).map((m) => m.kind)).not.toContain('work-integration');
    });
  }

  it('the "none" code texts and "Ingen" say the opposite', () => {
    expect(classifyReservationText('Reserved participation: Participation is not reserved.')).toBe('not-reserved');
    expect(classifyReservationText('Reserverad upphandling: Deltagande är inte reserverat.')).toBe('not-reserved');
    expect(classifyReservationText('Reservert deltakelse: Ingen')).toBe('not-reserved');
    expect(classifyReservationText('Reservert deltakelse\nIngen\nSamfunnsmål fremmes')).toBe('not-reserved');
  });

  it('a label alone says nothing', () => {
    expect(classifyReservationText('Reservert deltakelse')).toBeNull();
    expect(classifyReservationText('Reserved participation:')).toBeNull();
  });

  it('BT-736 counts only with an explicit yes', () => {
    expect(classifyReservationText('Kontraktet måste genomföras inom ramen för program för skyddad anställning: Ja')).toBe('sheltered-execution');
    expect(classifyReservationText('The execution of the contract must be performed within the framework of sheltered employment programmes: Yes')).toBe('sheltered-execution');
    expect(classifyReservationText('Gjennomføringen av kontrakten skal skje innenfor rammen av programmer for vernet sysselsetting: Ja')).toBe('sheltered-execution');
    expect(classifyReservationText('Kontraktet måste genomföras inom ramen för program för skyddad anställning: Nej')).toBeNull();
    expect(classifyReservationText('The execution of the contract must be performed within the framework of sheltered employment programmes: Not yet known')).toBeNull();
  });
});

describe('reservation text: legal wording in running text', () => {
  it('recognises the Swedish and Norwegian legal references', () => {
    expect(findReservationPhrases('Upphandlingen är reserverad enligt 4 kap. 18 § LOU.').map((m) => m.phrase)).toEqual(['lou-4-18']);
    expect(classifyReservationText('Konkurransen gjennomføres som reservert kontrakt etter FOA § 16-9.')).toBe('work-integration');
    expect(findReservationPhrases('Jf. anskaffelsesforskriften § 8-8.').map((m) => m.phrase)).toEqual(['foa-reserved']);
    expect(findReservationPhrases('FOA § 30-3 gjelder.').map((m) => m.phrase)).toEqual(['foa-reserved']);
    // Other paragraphs of the regulation are not reservations.
    expect(findReservationPhrases('FOA § 16-90 og § 8-1')).toEqual([]);
    expect(classifyReservationText('Detta är en reserverad upphandling för arbetsintegrerande sociala företag.')).toBe('work-integration');
  });

  it('needs a reservation in the sentence for words that also appear in ordinary text', () => {
    expect(classifyReservationText('Vi samarbeider med arbeidsmarkedsbedrifter i regionen.')).toBeNull();
    expect(classifyReservationText('Ansettelsesmuligheter for langtidsarbeidsledige, vanskeligstilte og/eller mennesker med nedsatt funksjonsevne')).toBeNull();
    expect(classifyReservationText('Kontrakten er reservert for arbeidsmarkedsbedrifter.')).toBe('work-integration');
    expect(classifyReservationText('Myndighetens offentligt uppdrag är att förvalta vägar.')).toBeNull();
  });

  it('a negated reservation is not a reservation', () => {
    expect(classifyReservationText('Kontrakten er ikke reservert for vernede bedrifter.')).toBe('not-reserved');
    expect(classifyReservationText('Upphandlingen är inte reserverad för skyddade verkstäder.')).toBe('not-reserved');
    expect(classifyReservationText('This contract is not reserved to sheltered workshops.')).toBe('not-reserved');
    expect(classifyReservationText('Dette er ikke en reservert kontrakt.')).toBe('not-reserved');
    expect(classifyReservationText('Upphandlingen är inte en reserverad upphandling.')).toBe('not-reserved');
    // A negation in an earlier sentence does not carry over.
    expect(classifyReservationText('Lot 1 is not reserved. Lot 2 is reserved to sheltered workshops.')).toBe('work-integration');
  });

  it('works on word boundaries and is case-insensitive', () => {
    expect(findReservationPhrases('overnede bedrifter')).toEqual([]);
    expect(findReservationPhrases('SKYDDADE VERKSTÄDER')).toHaveLength(1);
    expect(findReservationPhrases('sheltered\u00a0 \n workshops')).toHaveLength(1);
  });

  it('reports positions that point at the phrase', () => {
    const text = `Innledning. ${RES_WS.nb}`;
    for (const m of findReservationPhrases(text)) {
      expect(text.slice(m.index, m.index + m.length).length).toBe(m.length);
      expect(m.index).toBeGreaterThanOrEqual('Innledning. '.length);
    }
  });

  it('never throws and keeps positions inside the text, whatever the input', () => {
    const pieces = fc.constantFrom(
      'reserv', 'ert ', 'deltakelse', ': ', 'Ingen', 'skyddade verkstäder', '4 kap. 18 §', 'ikke ', '. ', '\n', 'Ja', 'offentligt uppdrag',
      'vernede bedrifter', 'sheltered workshops', 'Participation is not reserved', 'arbeidsmarkedsbedrifter', 'FOA § 16-9', 'public service mission',
      'Kontraktet måste genomföras inom ramen för program för skyddad anställning', 'reserverte kontrakter', 'missgynnade', 'Deltagande är inte reserverat',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(pieces).map((a) => a.join(''))), (text) => {
        const found = findReservationPhrases(text);
        for (const m of found) {
          expect(m.index).toBeGreaterThanOrEqual(0);
          expect(m.index + m.length).toBeLessThanOrEqual(text.length);
        }
        classifyReservationText(text);
        // The scanner's cheap first test never hides a phrase.
        if (found.length > 0) expect(mayStateReservation(text)).toBe(true);
      }),
    );
    expect(findReservationPhrases(undefined as unknown as string)).toEqual([]);
    expect(mayStateReservation(undefined as unknown as string)).toBe(false);
  });

  it('the cheap first test passes every phrase the recogniser knows', () => {
    for (const text of [...Object.values(RES_WS), ...Object.values(RES_PUB_SER), 'Reservert deltakelse: Ingen', 'Upphandlingen är reserverad enligt 4 kap. 18 § LOU.',
      'Kontrakten er reservert for arbeidsmarkedsbedrifter.', 'Gjennomføringen av kontrakten skal skje innenfor rammen av programmer for vernet sysselsetting: Ja']) {
      expect(findReservationPhrases(text).length).toBeGreaterThan(0);
      expect(mayStateReservation(text)).toBe(true);
    }
    expect(mayStateReservation('Levering av renhold og kantinedrift, org.nr. 972 418 013')).toBe(false);
  });
});
