/** Temporal or its worker did not answer in time: the action was not taken, and may be retried. */
export class TemporalUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
    this.name = 'TemporalUnavailableError';
  }
}
