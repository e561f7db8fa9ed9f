/**
 * Why a child is looked after, in the jurisdiction's own law (DOMAIN.md, Permanence): Iraqi law has
 * no adoption, juvenile courts grant sponsorship (kafala) or guardianship; England has care orders,
 * section 20 accommodation and placement orders.
 */
export const LEGAL_BASES = {
  KRG: ['court-sponsorship', 'guardianship', 'voluntary'],
  England: ['care-order', 'section-20', 'placement-order'],
} as const;

export type LegalBasis = (typeof LEGAL_BASES)[keyof typeof LEGAL_BASES][number];
export const ALL_LEGAL_BASES: readonly LegalBasis[] = [...new Set(Object.values(LEGAL_BASES).flat())];

/** The legal bases of a rule pack's jurisdiction; test jurisdictions use the default's (KRG). */
export function legalBasesOf(jurisdiction: string): readonly LegalBasis[] {
  return jurisdiction in LEGAL_BASES ? LEGAL_BASES[jurisdiction as keyof typeof LEGAL_BASES] : LEGAL_BASES.KRG;
}
