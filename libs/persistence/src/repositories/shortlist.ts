import { ageOn, LocalDate, MatchingWeights, rankCandidates, RankedCandidate } from '@hearth/domain';
import { CandidateRow, MatchingProfile, PlacementsRepository } from './placements.repository';

export interface ShortlistEntry extends RankedCandidate {
  caseNumber: string | null;
  displayName: string | null;
  freePlaces: number;
  area: string | null;
}

/**
 * A child's ranked shortlist on a date: the register's candidates fetched by the child's age, sex
 * and placement type (SQL), ranked by the domain's scoring with the pack's weights. Empty until the
 * care plan says which placement the child needs; null when there is no such child. `householdId`
 * asks about one household only (is it on the shortlist, with what score), without ranking them all.
 */
export async function shortlistOf(
  placements: PlacementsRepository,
  childId: string,
  weights: MatchingWeights,
  today: LocalDate,
  householdId?: string,
): Promise<{ profile: MatchingProfile; entries: ShortlistEntry[] } | null> {
  const profile = await placements.matchingProfile(childId);
  if (!profile) return null;
  if (!profile.placementType) return { profile, entries: [] };
  const ageYears = ageOn(profile.dateOfBirth, today);
  const candidates = await placements.candidates({ ageYears, sex: profile.child.sex, placementType: profile.placementType, householdId });
  const byId = new Map<string, CandidateRow>(candidates.map((candidate) => [candidate.householdId, candidate]));
  const ranked = rankCandidates({ ...profile.child, ageYears, placementType: profile.placementType }, candidates, weights);
  return {
    profile,
    entries: ranked.map((entry) => {
      const candidate = byId.get(entry.householdId)!;
      return { ...entry, caseNumber: candidate.caseNumber, displayName: candidate.displayName, freePlaces: candidate.freePlaces, area: candidate.home.area };
    }),
  };
}
