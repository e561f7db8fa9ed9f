import { Actor, caseRef } from '@hearth/domain';
import { WorkflowHandle } from '@temporalio/client';
import { completeTaskUpdate } from '@hearth/workflows/contracts/human-task.contract';
import type { childWorkflow } from '@hearth/workflows/child.workflow';
import { randomUUID } from 'node:crypto';
import { eventually } from './hearth-harness';
import { MemoryTask } from './in-memory-case';
import { KitHarness, refusalCode, staff, STAFF } from './kit-harness';

/** Today on the test-seconds pack's clock (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);
export const IRO = staff('iro-1', 'reviewing-officer');
export const PLAN = { placementType: 'short-term', untilEighteen: false, needs: 'settled routine, school near family' };

export interface ChildOptions {
  dateOfBirth?: string;
  caseworker?: Actor;
}

/** A carer household's places, as the register holds them. */
export function addHousehold(kit: KitHarness, places = 1): string {
  const householdId = randomUUID();
  kit.store.places.set(householdId, { max: places, taken: 0 });
  return householdId;
}

/** Starts a child's case on the kit (test-seconds) and drives it as the API would: Updates, ids only. */
export async function startChild(kit: KitHarness, options: ChildOptions = {}) {
  const childId = randomUUID();
  const ref = caseRef('child', childId);
  const caseworker = options.caseworker ?? STAFF.caseworker;
  kit.store.children.set(childId, { dateOfBirth: options.dateOfBirth ?? '2018-03-01', placementType: null, untilEighteen: false });
  const handle: WorkflowHandle<typeof childWorkflow> = await kit.client.workflow.start<typeof childWorkflow>('childWorkflow', {
    workflowId: ref,
    taskQueue: kit.temporal.taskQueue,
    args: [{ childId, rulePackId: 'test-seconds', rulePackVersion: 1, lookedAfterOn: today(), caseworkerId: caseworker.userId }],
  });
  const tasks = () => [...kit.store.tasks.values()].filter((t) => t.caseRef === ref);
  const open = (type: string, except: string[] = []) =>
    eventually(async () => tasks().find((t) => t.type === type && t.status === 'open' && !except.includes(t.id)), 20_000, `an open ${type}`);
  const complete = async (task: MemoryTask, actor: Actor, outcome: string, data: Record<string, unknown>) => {
    const submissionId = kit.store.submit(data);
    const key = randomUUID();
    const target = kit.client.workflow.getHandle(task.workflowId);
    for (let attempt = 0; ; attempt++) {
      try {
        return await target.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, outcome, actor, completionKey: key, submissionId }], updateId: `complete-task:${task.id}:${key}` });
      } catch (error) {
        if (refusalCode(error) !== 'not-ready' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const refusal = (task: MemoryTask, actor: Actor, outcome: string, data: Record<string, unknown>) =>
    complete(task, actor, outcome, data).then(
      () => undefined,
      (error) => refusalCode(error) ?? Promise.reject(error),
    );
  const stage = (wanted: string) => eventually(async () => (kit.store.stageOf(childId) === wanted ? true : undefined), 20_000, `stage ${wanted} (at ${kit.store.stageOf(childId)})`);
  const propose = async (householdId: string) => complete(await open('propose-match'), caseworker, 'proposed', { householdId, reasons: 'keeps her near school' });
  const placementOf = () => eventually(async () => [...kit.store.placements.entries()].find(([, p]) => p.childId === childId && !p.endedOn), 20_000, 'a placement');
  /** Care plan, a proposal of this household and the team manager's approval. */
  const placeWith = async (householdId: string) => {
    await complete(await open('write-care-plan'), caseworker, 'plan-agreed', PLAN);
    await propose(householdId);
    await complete(await open('approve-match'), STAFF.manager, 'approve-match', { reasons: 'a good match' });
    await stage('placed');
    return (await placementOf())[0];
  };
  return { childId, ref, handle, tasks, open, complete, refusal, stage, propose, placementOf, placeWith, caseworker };
}
