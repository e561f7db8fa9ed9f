/** The roles staff hold in Hearth (DOMAIN.md, "People and roles"). */
export const STAFF_ROLES = [
  'caseworker',
  'team-manager',
  'assessor',
  'panel-member',
  'panel-chair',
  'decision-maker',
  'nominated-officer',
  'reviewing-officer',
  'admin',
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** Who is acting: an id and roles only, never a name (this travels into workflow history). */
export interface Actor {
  userId: string;
  roles: readonly StaffRole[];
}

/** A signed-in member of staff as the API knows them: who, their roles and their team (what need to know is judged on). */
export interface StaffMember extends Actor {
  teamId: string | null;
}
