/** How many failed logins, within what window, lock a username or an address, and for how long. */
export interface LoginThrottleRule {
  failures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const LOGIN_THROTTLE: { perUser: LoginThrottleRule; perAddress: LoginThrottleRule } = {
  perUser: { failures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  // An office shares one address: allow a team's typos, stop a password spray.
  perAddress: { failures: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
};
