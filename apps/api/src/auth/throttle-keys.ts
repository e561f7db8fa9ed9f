/** The login throttle's key for a username (compared in lower case, so case variants share one lock). */
export function userThrottleKey(username: string): string {
  return `user:${username.toLowerCase()}`;
}
