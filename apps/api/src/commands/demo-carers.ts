import { ApprovalTerms, caseRef, rulePackInForceAt } from '@hearth/domain';
import { CarerRegisterRepository, HouseholdsRepository } from '@hearth/persistence';
import { randomUUID } from 'node:crypto';

/**
 * Approved carer households on the register of the demo's Erbil team, so that a child's matching
 * can be tried on a fresh `npm start` without taking a household through months of assessment.
 * They are demo data: on the register with terms and background, with no approval history behind
 * them. Made once (found again by their idempotency keys).
 */
const DEMO_CARERS: { name: string; area: string; latitude: number; longitude: number; ethnicities: string[]; religions: string[]; terms: ApprovalTerms }[] = [
  {
    name: 'Kamaran and Nasreen Aziz',
    area: 'Ankawa',
    latitude: 36.2317,
    longitude: 43.9945,
    ethnicities: ['Kurdish'],
    religions: ['Muslim'],
    terms: { maxChildren: 2, ageMin: 0, ageMax: 11, sexes: ['female', 'male'], placementTypes: ['short-term', 'emergency'], languages: ['ckb', 'ar'] },
  },
  {
    name: 'Shirin Hassan',
    area: 'Erbil',
    latitude: 36.1911,
    longitude: 44.0092,
    ethnicities: ['Kurdish'],
    religions: ['Yazidi'],
    terms: { maxChildren: 1, ageMin: 5, ageMax: 17, sexes: ['female'], placementTypes: ['short-term', 'long-term'], languages: ['kmr', 'ckb'] },
  },
  {
    name: 'Yousif and Mariam Toma',
    area: 'Ankawa',
    latitude: 36.2365,
    longitude: 43.9962,
    ethnicities: ['Assyrian'],
    religions: ['Christian'],
    terms: { maxChildren: 3, ageMin: 0, ageMax: 17, sexes: ['female', 'male'], placementTypes: ['short-term', 'long-term', 'respite'], languages: ['ar', 'en'] },
  },
];

export async function seedDemoCarers(households: HouseholdsRepository, register: CarerRegisterRepository, rulePackId: string, teamId: string, createdBy: string): Promise<string[]> {
  const pack = rulePackInForceAt(rulePackId, new Date());
  const created: string[] = [];
  for (const [index, carer] of DEMO_CARERS.entries()) {
    const id = randomUUID();
    const { household, created: isNew } = await households.createEnquiry(
      { id, rulePackId: pack.id, rulePackVersion: pack.version, primaryContactName: carer.name, phone: null, email: null, area: carer.area, preferredLanguage: 'ckb', enquirySource: 'demo data', notes: 'Demo carers: on the register without an approval history.', idempotencyKey: `demo-carers-${index + 1}`, createdBy },
      caseRef('household', id),
      teamId,
    );
    if (!isNew) continue;
    // No workflow behind demo carers: marked started so the reconciler leaves them alone.
    await households.markWorkflowStarted(household.id);
    await households.setStage(household.id, 'approved', createdBy, caseRef('household', household.id));
    await households.setBackground(household.id, { area: carer.area, latitude: carer.latitude, longitude: carer.longitude, ethnicities: carer.ethnicities, religions: carer.religions, cultures: [] }, createdBy);
    await register.enter(household.id, carer.terms, new Date(), createdBy);
    created.push(carer.name);
  }
  return created;
}
