/** Who referred a child to the agency (DOMAIN.md, Child journey, step 1). */
export const REFERRAL_SOURCES = ['child-protection-mobile-team', 'police', 'court', 'shelter', 'family', 'other'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/**
 * Sources that act with legal authority (a court order, police protection) refer without the
 * family's consent; every other referral records the consent of the parent or guardian, or of the
 * child where they are old enough to give it.
 */
const WITH_LEGAL_AUTHORITY: readonly ReferralSource[] = ['police', 'court'];

export function consentNeeded(source: ReferralSource): boolean {
  return !WITH_LEGAL_AUTHORITY.includes(source);
}

/** Whose consent a referral records. */
export const CONSENT_GIVERS = ['parent', 'guardian', 'child'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
