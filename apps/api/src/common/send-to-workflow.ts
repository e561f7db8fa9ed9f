import { DomainError } from '@hearth/domain';
import { Client } from '@temporalio/client';
import { translateTemporalError } from './temporal-errors';
import { TemporalUnavailableError } from './temporal-unavailable.error';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a staff action to a workflow (start, Update or signal) within the API's time budget and
 * turns failures into domain errors. A workflow still opening the task in question answers
 * "not ready": that is retried here, and after the budget becomes a 503 with Retry-After.
 */
export async function sendToWorkflow<T>(client: Client, timeoutMs: number, send: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.connection.withDeadline(deadline, send);
    } catch (error) {
      const failure = translateTemporalError(error);
      if (!(failure instanceof DomainError) || failure.code !== 'not-ready') throw failure;
      const pause = 50 * attempt;
      if (Date.now() + pause >= deadline) throw new TemporalUnavailableError(failure.message, 1);
      await sleep(pause);
    }
  }
}
