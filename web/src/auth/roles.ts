// Pure helpers over the memberships of a session.
import type { Membership, Role, Session } from '../api/types';

const ORGANISATION_ROLES: readonly Role[] = ['org_lead', 'participant'];

export function rolesIn(session: Session, exerciseId: number): Role[] {
  return session.memberships.filter((m) => m.exercise_id === exerciseId).map((m) => m.role);
}

export function isOrganiser(session: Session, exerciseId: number): boolean {
  return session.user.is_admin || rolesIn(session, exerciseId).includes('organiser');
}

// The membership that ties the caller to an organisation (org lead or participant), if any.
export function organisationMembership(session: Session, exerciseId?: number): Membership | undefined {
  return session.memberships.find(
    (m) =>
      ORGANISATION_ROLES.includes(m.role) &&
      m.organisation_id !== undefined &&
      (exerciseId === undefined || m.exercise_id === exerciseId),
  );
}

// Org lead of that organisation (organisers are checked separately).
export function isOrgLeadOf(session: Session, exerciseId: number, organisationId: number): boolean {
  return session.memberships.some(
    (m) => m.exercise_id === exerciseId && m.role === 'org_lead' && m.organisation_id === organisationId,
  );
}

export function hasStaffRole(session: Session): boolean {
  return session.user.is_admin || session.memberships.some((m) => !ORGANISATION_ROLES.includes(m.role));
}

// Where a freshly signed-in person should land: an organisation person on its
// organisation page; staff on the exercise chooser ("/"), which goes straight on
// when there is one exercise.
export function landingPath(session: Session): string {
  if (!hasStaffRole(session)) {
    const membership = organisationMembership(session);
    if (membership?.organisation_id !== undefined) {
      return `/exercises/${membership.exercise_id}/organisations/${membership.organisation_id}`;
    }
  }
  return '/';
}

export function uniqueRoles(session: Session): Role[] {
  return [...new Set(session.memberships.map((m) => m.role))];
}
