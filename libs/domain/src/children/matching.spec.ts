import { ApprovalTerms } from '../households/approval-terms';
import { distanceKm, exclusionOf, MatchingCandidate, MatchingChild, MatchingWeights, rankCandidates } from './matching';

const weights: MatchingWeights = { siblingsTogether: 30, language: 20, schoolDistance: 10, familyDistance: 10, ethnicity: 10, religion: 10, culture: 10, nearWithinKm: 5, farFromKm: 50 };
const terms: ApprovalTerms = { maxChildren: 3, ageMin: 0, ageMax: 17, sexes: ['female', 'male'], placementTypes: ['short-term', 'long-term'], languages: ['ckb'] };
const nowhere = { area: null, coordinates: null };
const child: MatchingChild = {
  ageYears: 8,
  sex: 'female',
  placementType: 'long-term',
  languages: ['ckb'],
  ethnicity: null,
  religion: null,
  culture: null,
  school: nowhere,
  family: nowhere,
  siblingsToPlace: 1,
  siblingHouseholdIds: [],
};
const household = (householdId: string, changes: Partial<MatchingCandidate> = {}): MatchingCandidate => ({
  householdId,
  terms,
  freePlaces: 1,
  home: nowhere,
  ethnicities: [],
  religions: [],
  cultures: [],
  ...changes,
});

describe('exclusionOf', () => {
  it('never shortlists a household without a free place, or the child outside its approval terms', () => {
    expect(exclusionOf(child, household('a', { freePlaces: 0 }))).toBe('no-free-place');
    expect(exclusionOf({ ...child, ageYears: 12 }, household('a', { terms: { ...terms, ageMax: 11 } }))).toBe('age-outside-terms');
    expect(exclusionOf({ ...child, ageYears: 2 }, household('a', { terms: { ...terms, ageMin: 3 } }))).toBe('age-outside-terms');
    expect(exclusionOf(child, household('a', { terms: { ...terms, sexes: ['male'] } }))).toBe('sex-outside-terms');
    expect(exclusionOf({ ...child, placementType: 'emergency' }, household('a'))).toBe('placement-type-outside-terms');
    expect(exclusionOf(child, household('a'))).toBeNull();
  });

  it('leaves excluded households off the ranked shortlist', () => {
    const ranked = rankCandidates({ ...child, placementType: 'respite' }, [household('a'), household('b', { terms: { ...terms, placementTypes: ['respite'] } })], weights);
    expect(ranked.map((each) => each.householdId)).toEqual(['b']);
  });
});

describe('rankCandidates', () => {
  it('ranks first a household with room for the whole sibling group, and says why', () => {
    const group = { ...child, siblingsToPlace: 3 };
    const ranked = rankCandidates(group, [household('one-place', { freePlaces: 1 }), household('three-places', { freePlaces: 3 })], weights);
    expect(ranked.map((each) => each.householdId)).toEqual(['three-places', 'one-place']);
    expect(ranked[0].reasons).toContainEqual({ code: 'room-for-siblings', points: 30 });
    expect(ranked[1].reasons).toContainEqual({ code: 'no-room-for-siblings', points: 0 });
  });

  it('ranks first the household where a brother or sister already lives', () => {
    const ranked = rankCandidates({ ...child, siblingHouseholdIds: ['with-brother'] }, [household('a', { freePlaces: 2 }), household('with-brother')], weights);
    expect(ranked[0]).toMatchObject({ householdId: 'with-brother', reasons: expect.arrayContaining([{ code: 'siblings-live-here', points: 30 }]) });
  });

  it('scores a shared language, background continuity, and nearness by area or by coordinates', () => {
    const erbil = { latitude: 36.19, longitude: 44.01 };
    const duhok = { latitude: 36.87, longitude: 42.99 };
    const kurd = { ...child, languages: ['kmr', 'ckb'], ethnicity: 'Kurdish', religion: 'Yazidi', school: { area: 'Ankawa', coordinates: null }, family: { area: null, coordinates: erbil } };
    const [near, far] = rankCandidates(
      kurd,
      [
        household('far', { home: { area: 'Zakho', coordinates: duhok }, terms: { ...terms, languages: ['ar'] } }),
        household('near', { home: { area: 'ankawa', coordinates: erbil }, ethnicities: ['kurdish'], religions: ['Yazidi'] }),
      ],
      weights,
    );
    expect(near.householdId).toBe('near');
    expect(near.reasons).toEqual([
      { code: 'shares-language', points: 20, value: 'ckb' },
      { code: 'school-near', points: 10, value: 'Ankawa' },
      { code: 'family-near', points: 10, distanceKm: 0 },
      { code: 'same-ethnicity', points: 10, value: 'Kurdish' },
      { code: 'same-religion', points: 10, value: 'Yazidi' },
    ]);
    expect(near.score).toBe(60);
    expect(far.reasons).toContainEqual({ code: 'no-shared-language', points: 0 });
    expect(far.reasons).toContainEqual(expect.objectContaining({ code: 'family-far', points: 0 }));
    expect(far.score).toBe(0);
  });

  it('scores distance linearly between near and far', () => {
    const school = { area: null, coordinates: { latitude: 36, longitude: 44 } };
    // About 27.5 km north: half-way between 5 km and 50 km.
    const home = { area: null, coordinates: { latitude: 36 + 27.5 / 111.195, longitude: 44 } };
    const [ranked] = rankCandidates({ ...child, school }, [household('a', { home })], weights);
    expect(ranked.reasons).toContainEqual({ code: 'school-near', points: 5, distanceKm: 27.5 });
  });

  it('measures great-circle distances', () => {
    expect(distanceKm({ latitude: 36.19, longitude: 44.01 }, { latitude: 36.87, longitude: 42.99 })).toBeCloseTo(118.6, 0);
  });

  it('orders ties by household id, so the same data gives the same shortlist', () => {
    expect(rankCandidates(child, [household('b'), household('a'), household('c')], weights).map((each) => each.householdId)).toEqual(['a', 'b', 'c']);
  });
});
