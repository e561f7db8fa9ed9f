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
