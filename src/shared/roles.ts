/** Who can call what. A principal is a signed-in user, a device or display token, or an integration API key. */
export const ROLES = ['admin', 'manager', 'dispatcher', 'technician', 'display', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Scopes an integration API key can carry; a key may only call methods that list one of its scopes. */
export const SCOPES = [
  'requests:write',
  'telemetry:write',
  'work-orders:read',
  'reference:read',
  'reference:write',
  'reports:read',
] as const;
export type Scope = (typeof SCOPES)[number];

/** People who work the board: every workstation method allows these. */
export const STAFF: readonly Role[] = ['admin', 'manager', 'dispatcher'];
/** Everyone who may read the live picture, including read-only wall displays. */
export const VIEWERS: readonly Role[] = ['admin', 'manager', 'dispatcher', 'display'];

export type PrincipalKind = 'user' | 'apiKey' | 'system';

export interface Principal {
  kind: PrincipalKind;
  id: string;
  name: string;
  role: Role;
  scopes: readonly Scope[];
  /** Set when the principal acts for a technician (a technician's user or device token). */
  technicianId?: string | null;
  /** The session or key the principal signed in with (logout ends exactly this one). */
  credentialId?: string;
}

/** The app itself acting (start-up jobs, the simulator's set-up): allowed everything, and audited as such. */
export const SYSTEM_PRINCIPAL: Principal = { kind: 'system', id: 'system', name: 'System', role: 'admin', scopes: [] };
