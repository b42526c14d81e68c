import type { ApiKey } from '../../stores/admin.store';

export const KEY_KIND_LABEL: Record<ApiKey['kind'], string> = {
  integration: 'Integration',
  device: 'Technician device',
  display: 'Wall display',
  admin: 'Admin (bootstrap)',
};

/** The screen a paired device opens: the link carries the token once (ARCHITECTURE.md, Security). */
export const PAIRING_ROUTE: Partial<Record<ApiKey['kind'], string>> = { device: '/tech', display: '/wall' };
