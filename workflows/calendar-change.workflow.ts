import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { CalendarActivities } from './contracts/activities.contract';
import type { CalendarChangeInput } from './contracts/calendar-change.contract';

const calendar = proxyActivities<CalendarActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const PAGE = 500;
/** Pages per run before continuing as new, so the history stays short however many cases move. */
const PAGES_PER_RUN = 40;

/**
 * A day off declared, corrected or removed (DOMAIN.md, working-day calendar): tells every case
 * with open deadlines the change may move, page by page, so the admin's request answers at once
 * and the deadlines move in the background, durably, each case told once.
 */
export async function calendarChangeWorkflow(input: CalendarChangeInput): Promise<{ signalled: number }> {
  let after = input.after ?? null;
  let signalled = input.signalled ?? 0;
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const cases = await calendar.casesAffectedByChange({ changeId: input.changeId, after, limit: PAGE });
    if (cases.length === 0) {
      await calendar.finishCalendarChange({ changeId: input.changeId });
      return { signalled };
    }
    await calendar.signalCasesOfChange({ changeId: input.changeId, workflowIds: cases, signalledBefore: signalled });
    signalled += cases.length;
    after = cases[cases.length - 1];
  }
  return continueAsNew<typeof calendarChangeWorkflow>({ changeId: input.changeId, after, signalled });
}
