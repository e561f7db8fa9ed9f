import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { endPlacementUpdate, placementWorkflowId } from '@hearth/workflows/contracts/placement.contract';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { addHousehold, IRO, startChild, today } from '../support/child-kit';
import { KitHarness, STAFF, startKit } from '../support/kit-harness';

// `npm run replay:record`: the child's journey (issue 10), on in-memory activities. A history
// already saved is never overwritten.

describe("record the child's journey", () => {
  let kit: KitHarness;
  beforeAll(async () => (kit = await startKit()));
  afterAll(() => kit.close());

  async function save(name: string, workflowId: string) {
    const file = join(__dirname, 'histories', `${name}.json`);
    if (existsSync(file)) return;
    const handle = kit.client.workflow.getHandle(workflowId);
    await handle.result().catch(() => undefined);
    writeFileSync(file, historyToJSON(await handle.fetchHistory()));
  }

  it('care plan, a rejected then an approved match, two visits and two reviews, then reunification', async () => {
    const child = await startChild(kit);
    const home = addHousehold(kit);
    await child.complete(await child.open('write-care-plan'), child.caseworker, 'plan-agreed', { placementType: 'short-term', untilEighteen: false, needs: 'a calm home' });
    await child.propose(home);
    await child.complete(await child.open('approve-match'), STAFF.manager, 'reject-match', { reasons: 'not this month' });
    await child.propose(home);
    await child.complete(await child.open('approve-match'), STAFF.manager, 'approve-match', { reasons: 'near school' });
    await child.stage('placed');
    const [placementId] = await child.placementOf();
    const seen: string[] = [];
    for (let n = 0; n < 2; n++) {
      const visit = await child.open('record-visit', seen);
      seen.push(visit.id);
      await child.complete(visit, child.caseworker, 'visited', { visitedOn: today(), seenAlone: true, notes: 'well' });
      const review = await child.open('hold-child-review', seen);
      seen.push(review.id);
      await child.complete(review, IRO, 'review-held', { heldOn: today(), decisions: 'the plan stands' });
    }
    await child.open('record-visit', seen);
    await kit.client.workflow.getHandle(placementWorkflowId(placementId)).executeUpdate(endPlacementUpdate, { args: [{ reason: 'reunification', endedOn: today(), actor: child.caseworker }], updateId: randomUUID() });
    await child.stage('closed');
    await save('placement-visited-then-reunified-v1', placementWorkflowId(placementId));
    await save('child-matched-reviewed-reunified-v1', child.ref);
  });

  it('a placement ending on the 18th birthday', async () => {
    const [year, month, day] = today().split('-').map(Number);
    const child = await startChild(kit, { dateOfBirth: `${year - 18}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` });
    await child.complete(await child.open('write-care-plan'), child.caseworker, 'plan-agreed', { placementType: 'short-term', untilEighteen: false, needs: 'until adulthood' });
    await child.propose(addHousehold(kit));
    await child.complete(await child.open('approve-match'), STAFF.manager, 'approve-match', { reasons: 'near school' });
    await child.stage('closed');
    await save('child-placed-until-eighteen-v1', child.ref);
  });
});
