import type { CoreDeps } from '../rpc/handlers';
import { createApiKeyHandlers } from './api-keys.service';
import { createCatalogHandlers } from './catalog.service';
import { createCalendarHandlers } from './calendars.service';
import { createCategoryHandlers } from './categories.service';
import { createHolidayImportHandlers } from './holiday-import.service';
import { createSlaPolicyHandlers } from './sla-policies.service';
import { createTechnicianHandlers } from './technicians.service';
import { createTimeOffHandlers } from './time-off.service';
import { createUserHandlers } from './users.service';

/**
 * Every administrative method: people and keys, the catalogue, the workforce, calendars and SLA policies. Each
 * change runs in one transaction with one audit entry per changed entity (see ./admin-change.ts).
 */
export function createAdminHandlers(deps: CoreDeps) {
  return {
    ...createUserHandlers(deps),
    ...createApiKeyHandlers(deps),
    ...createCatalogHandlers(deps),
    ...createCategoryHandlers(deps),
    ...createTechnicianHandlers(deps),
    ...createTimeOffHandlers(deps),
    ...createCalendarHandlers(deps),
    ...createHolidayImportHandlers(deps),
    ...createSlaPolicyHandlers(deps),
  };
}
