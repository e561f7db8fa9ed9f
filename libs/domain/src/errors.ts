/** Failure codes the domain raises; the API maps each to one HTTP status in one place. */
export type DomainErrorCode =
  | 'not-found'
  | 'task-closed'
  | 'not-permitted'
  | 'separation-of-duties'
  | 'invalid-outcome'
  | 'invalid-input'
  | 'conflict'
  /** The case is still opening the task: retry in a moment. */
  | 'not-ready'
  | 'unauthenticated';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Bad input, by field: the messages the API reports beside each. */
    readonly fields?: Readonly<Record<string, readonly string[]>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
