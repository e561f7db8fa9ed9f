import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The bare twin of task completion: an Update whose handler only sets a field. */
export const bareUpdate = defineUpdate<string, [string]>('bareUpdate');

export async function bareUpdateWorkflow(): Promise<void> {
  let last: string | undefined;
  setHandler(bareUpdate, (value) => {
    last = value;
    return value;
  });
  await condition(() => last === 'stop');
}
