/** What an approved carer household may take: the terms the panel recommends and the decision maker approves. */
export const PLACEMENT_TYPES = ['emergency', 'short-term', 'long-term', 'respite', 'kinship'] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

export const CHILD_SEXES = ['female', 'male'] as const;
export type ChildSex = (typeof CHILD_SEXES)[number];

export interface ApprovalTerms {
  maxChildren: number;
  ageMin: number;
  ageMax: number;
  sexes: ChildSex[];
  placementTypes: PlacementType[];
  /** Languages the household can care in, e.g. ckb, kmr, ar, en. */
  languages: string[];
}

/** What the panel recommended or the decision maker decided, with the terms of an approval. */
export interface ApprovalOutcome {
  outcome: string;
  terms?: ApprovalTerms | null;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Whether two sets of terms say the same (list order aside). */
export function sameTerms(a: ApprovalTerms, b: ApprovalTerms): boolean {
  return (
    a.maxChildren === b.maxChildren &&
    a.ageMin === b.ageMin &&
    a.ageMax === b.ageMax &&
    sameSet(a.sexes, b.sexes) &&
    sameSet(a.placementTypes, b.placementTypes) &&
    sameSet(a.languages, b.languages)
  );
}

/** A decision departs from the recommendation when it decides otherwise, or approves on other terms. */
export function departsFromRecommendation(recommendation: ApprovalOutcome, decision: ApprovalOutcome): boolean {
  if (recommendation.outcome !== decision.outcome) return true;
  if (decision.outcome !== 'approve' || !recommendation.terms || !decision.terms) return false;
  return !sameTerms(recommendation.terms, decision.terms);
}
