import type { ApprovalTerms, ChildSex, PlacementType } from '../households/approval-terms';
import { searchableName } from '../search/searchable-name';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** Where something is: an area (district, town) and, where recorded, its coordinates. */
export interface Whereabouts {
  area: string | null;
  coordinates: Coordinates | null;
}

/** What the shortlist needs to know of the child (DOMAIN.md, Child journey, step 3). */
export interface MatchingChild {
  ageYears: number;
  sex: ChildSex;
  placementType: PlacementType;
  languages: readonly string[];
  ethnicity: string | null;
  religion: string | null;
  culture: string | null;
  school: Whereabouts;
  family: Whereabouts;
  /** The children of the sibling group not yet placed, this child included. */
  siblingsToPlace: number;
  /** Households where brothers or sisters of the child already live. */
  siblingHouseholdIds: readonly string[];
}

/** An approved household on the register, with what it may take and who its carers are. */
export interface MatchingCandidate {
  householdId: string;
  terms: ApprovalTerms;
  freePlaces: number;
  home: Whereabouts;
  ethnicities: readonly string[];
  religions: readonly string[];
  cultures: readonly string[];
}

/** How much each consideration counts, from the rule pack; distances score fully within `nearWithinKm` and nothing from `farFromKm`. */
export interface MatchingWeights {
  siblingsTogether: number;
  language: number;
  schoolDistance: number;
  familyDistance: number;
  ethnicity: number;
  religion: number;
  culture: number;
  nearWithinKm: number;
  farFromKm: number;
}

export const MATCH_REASON_CODES = [
  'siblings-live-here',
  'room-for-siblings',
  'no-room-for-siblings',
  'shares-language',
  'no-shared-language',
  'school-near',
  'school-far',
  'school-unknown',
  'family-near',
  'family-far',
  'family-unknown',
  'same-ethnicity',
  'other-ethnicity',
  'same-religion',
  'other-religion',
  'same-culture',
  'other-culture',
] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

/** One reason for a candidate's rank: what was found and the points it earned; distances in km where measured. */
export interface MatchReason {
  code: MatchReasonCode;
  points: number;
  distanceKm?: number;
  /** The shared language, or the shared background. */
  value?: string;
}

export interface RankedCandidate {
  householdId: string;
  score: number;
  reasons: MatchReason[];
}

/** Why a household is never on a child's shortlist. */
export type MatchExclusion = 'no-free-place' | 'age-outside-terms' | 'sex-outside-terms' | 'placement-type-outside-terms';

/** Whether a household may take the child at all: a free place, and the child within its approval terms. */
export function exclusionOf(child: MatchingChild, candidate: MatchingCandidate): MatchExclusion | null {
  const { terms } = candidate;
  if (candidate.freePlaces < 1) return 'no-free-place';
  if (child.ageYears < terms.ageMin || child.ageYears > terms.ageMax) return 'age-outside-terms';
  if (!terms.sexes.includes(child.sex)) return 'sex-outside-terms';
  if (!terms.placementTypes.includes(child.placementType)) return 'placement-type-outside-terms';
  return null;
}

/**
 * The shortlist: households that may take the child, best first, each with the reasons for its
 * rank. Keeping brothers and sisters together counts most in the default weights; then a language
 * the child speaks, distance to school and family, and continuity of the child's ethnic,
 * religious and cultural background (UNCRC art. 20). Ties keep a stable order by household id.
 */
export function rankCandidates(child: MatchingChild, candidates: readonly MatchingCandidate[], weights: MatchingWeights): RankedCandidate[] {
  // Areas and backgrounds repeat across thousands of households: fold each spelling once.
  const folded = new Map<string, string>();
  const fold = (text: string) => folded.get(text) ?? folded.set(text, searchableName(text)).get(text)!;
  return candidates
    .filter((candidate) => exclusionOf(child, candidate) === null)
    .map((candidate) => {
      const reasons = [
        siblingReason(child, candidate, weights),
        languageReason(child, candidate, weights),
        distanceReason('school', child.school, candidate.home, weights.schoolDistance, weights, fold),
        distanceReason('family', child.family, candidate.home, weights.familyDistance, weights, fold),
        backgroundReason('ethnicity', child.ethnicity, candidate.ethnicities, weights.ethnicity, fold),
        backgroundReason('religion', child.religion, candidate.religions, weights.religion, fold),
        backgroundReason('culture', child.culture, candidate.cultures, weights.culture, fold),
      ].filter((reason): reason is MatchReason => reason !== null);
      const score = round(reasons.reduce((sum, reason) => sum + reason.points, 0));
      return { householdId: candidate.householdId, score, reasons };
    })
    .sort((a, b) => b.score - a.score || (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0));
}

function siblingReason(child: MatchingChild, candidate: MatchingCandidate, weights: MatchingWeights): MatchReason | null {
  if (child.siblingHouseholdIds.includes(candidate.householdId)) return { code: 'siblings-live-here', points: weights.siblingsTogether };
  if (child.siblingsToPlace < 2) return null;
  return candidate.freePlaces >= child.siblingsToPlace ? { code: 'room-for-siblings', points: weights.siblingsTogether } : { code: 'no-room-for-siblings', points: 0 };
}

function languageReason(child: MatchingChild, candidate: MatchingCandidate, weights: MatchingWeights): MatchReason | null {
  if (child.languages.length === 0) return null;
  const shared = child.languages.find((language) => candidate.terms.languages.includes(language));
  return shared ? { code: 'shares-language', points: weights.language, value: shared } : { code: 'no-shared-language', points: 0 };
}

function distanceReason(to: 'school' | 'family', place: Whereabouts, home: Whereabouts, weight: number, weights: MatchingWeights, fold: (text: string) => string): MatchReason {
  if (place.coordinates && home.coordinates) {
    const km = distanceKm(place.coordinates, home.coordinates);
    const nearness = km <= weights.nearWithinKm ? 1 : km >= weights.farFromKm ? 0 : (weights.farFromKm - km) / (weights.farFromKm - weights.nearWithinKm);
    return { code: nearness > 0 ? `${to}-near` : `${to}-far`, points: round(weight * nearness), distanceKm: round(km) };
  }
  if (place.area && home.area) {
    const same = fold(place.area) === fold(home.area);
    return { code: same ? `${to}-near` : `${to}-far`, points: same ? weight : 0, value: place.area };
  }
  return { code: `${to}-unknown`, points: 0 };
}

function backgroundReason(kind: 'ethnicity' | 'religion' | 'culture', childs: string | null, carers: readonly string[], weight: number, fold: (text: string) => string): MatchReason | null {
  if (!childs) return null;
  const same = carers.some((each) => fold(each) === fold(childs));
  return same ? { code: `same-${kind}`, points: weight, value: childs } : { code: `other-${kind}`, points: 0 };
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const round = (value: number) => Math.round(value * 100) / 100;
