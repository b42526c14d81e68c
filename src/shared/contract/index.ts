import type { z } from 'zod';
import { adminMethods } from './admin.contract';
import { alertMethods } from './alerts.contract';
import { assignmentMethods } from './assignments.contract';
import { auditMethods } from './audit.contract';
import { authMethods } from './auth.contract';
import { intakeMethods } from './intake.contract';
import { referenceMethods } from './reference.contract';
import { referenceAdminCatalogMethods } from './reference-admin-catalog.contract';
import { referenceAdminSlaMethods } from './reference-admin-sla.contract';
import { referenceAdminWorkforceMethods } from './reference-admin-workforce.contract';
import { reportMethods } from './reports.contract';
import { reallocationMethods } from './reallocation.contract';
import { settingsMethods } from './settings.contract';
import { slaMethods } from './sla.contract';
import { slaTrendMethods } from './sla-trends.contract';
import { anomalyMethods } from './anomalies.contract';
import { systemMethods } from './system.contract';
import { telemetryMethods } from './telemetry.contract';
import { workOrderActionMethods } from './work-order-actions.contract';
import { workOrderMethods } from './work-orders.contract';

/**
 * The one declaration of every RPC method. Adding a method here (and a handler in core) is all it takes:
 * IPC, HTTP, the renderer client and OpenAPI are derived from this map.
 */
export const contract = {
  ...systemMethods,
  ...authMethods,
  ...adminMethods,
  ...alertMethods,
  ...referenceMethods,
  ...referenceAdminCatalogMethods,
  ...referenceAdminWorkforceMethods,
  ...referenceAdminSlaMethods,
  ...workOrderMethods,
  ...intakeMethods,
  ...workOrderActionMethods,
  ...settingsMethods,
  ...assignmentMethods,
  ...auditMethods,
  ...slaMethods,
  ...slaTrendMethods,
  ...anomalyMethods,
  ...telemetryMethods,
  ...reallocationMethods,
  ...reportMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (before defaults and coercion). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** A method name as it may appear in a message: anything else a caller sent is named by its type only. */
export function describeMethodName(name: unknown): string {
  return typeof name === 'string' ? name.slice(0, 100) : `(a ${name === null ? 'null' : typeof name}, not a name)`;
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export { canReceive, events, type EventName, type EventPayload, type Events } from './events.contract';
export type { MethodDef, EventDef } from './define';
