/** The three roles a board link can carry. There are no accounts: the link is the key. */
export const ROLES = ['facilitator', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Facilitators and editors change the board; a viewer only watches. */
export function canWrite(role: Role): boolean {
  return role !== 'viewer'
}
