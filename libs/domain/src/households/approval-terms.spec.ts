import { ApprovalTerms, departsFromRecommendation } from './approval-terms';

describe('a decision departing from the recommendation', () => {
  const terms: ApprovalTerms = { maxChildren: 2, ageMin: 0, ageMax: 11, sexes: ['female', 'male'], placementTypes: ['short-term'], languages: ['ckb', 'ar'] };

  it('departs when it decides otherwise, or approves on other terms', () => {
    expect(departsFromRecommendation({ outcome: 'approve', terms }, { outcome: 'not-approve' })).toBe(true);
    expect(departsFromRecommendation({ outcome: 'not-approve' }, { outcome: 'approve', terms })).toBe(true);
    expect(departsFromRecommendation({ outcome: 'approve', terms }, { outcome: 'approve', terms: { ...terms, maxChildren: 3 } })).toBe(true);
  });

  it('does not depart when it follows the recommendation, whatever the order of lists', () => {
    expect(departsFromRecommendation({ outcome: 'approve', terms }, { outcome: 'approve', terms: { ...terms, languages: ['ar', 'ckb'] } })).toBe(false);
    expect(departsFromRecommendation({ outcome: 'not-approve' }, { outcome: 'not-approve' })).toBe(false);
  });
});
