import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  userId?: string;
}

/** The current request's id (and user, once authenticated), for logs. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
