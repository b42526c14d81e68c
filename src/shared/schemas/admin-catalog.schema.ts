import { z } from 'zod';
import { Id, Priority } from './common';
import { CategoryCode, DisplayName, FieldKey, LowerCode, SkillLevel, uniqueBy } from './admin-fields.schema';
import { VehicleStatus } from './reference.schema';

/** Inputs of the catalogue administration: skills, work categories and the fleet. */

// Skill codes are copied into every work order's task scope, so a code is fixed once created; only the name changes.
export const CreateSkillInput = z.strictObject({ code: LowerCode, name: DisplayName });
export const UpdateSkillInput = z.strictObject({ id: Id, name: DisplayName });

const FieldType = z.enum(['text', 'number', 'boolean', 'select']);

export const ComplianceFieldInput = z
  .strictObject({
    key: FieldKey,
    label: DisplayName,
    type: FieldType,
    options: z.array(z.string().min(1).max(100)).max(50).optional(),
    requiredFor: z.enum(['on_site', 'completed', 'closed']),
  })
  .refine((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0, { message: 'a select field needs options', path: ['options'] });

export const DiagnosticParamInput = z
  .strictObject({
    key: FieldKey,
    label: DisplayName,
    type: FieldType,
    unit: z.string().min(1).max(20).optional(),
  });

const categoryFields = {
  name: DisplayName,
  defaultPriority: Priority,
  estimatedMinutes: z.number().int().min(1, 'at least one minute').max(24 * 60, 'at most a day (1440 minutes)'),
  requiredSkills: uniqueBy(z.strictObject({ skillCode: LowerCode, minLevel: SkillLevel }), (s) => s.skillCode, 'skillCode', 'skill').max(20),
  vehicleCapabilities: uniqueBy(LowerCode, (c) => c, null, 'capability').max(20),
  complianceFields: uniqueBy(ComplianceFieldInput, (f) => f.key, 'key', 'field').max(50),
  diagnosticParams: uniqueBy(DiagnosticParamInput, (p) => p.key, 'key', 'parameter').max(50),
  active: z.boolean(),
};

/**
 * A work category. Its code is what integrations send and is fixed once created; retire a category with
 * `active: false` (orders keep referring to it).
 */
export const CreateCategoryInput = z.strictObject({
  code: CategoryCode,
  ...categoryFields,
  requiredSkills: categoryFields.requiredSkills.default([]),
  vehicleCapabilities: categoryFields.vehicleCapabilities.default([]),
  complianceFields: categoryFields.complianceFields.default([]),
  diagnosticParams: categoryFields.diagnosticParams.default([]),
  active: z.boolean().default(true),
});
export const UpdateCategoryInput = z.strictObject({ id: Id, ...z.strictObject(categoryFields).partial().shape });

const Registration = z.string().trim().min(1).max(20);
const vehicleFields = {
  registration: Registration,
  label: DisplayName,
  status: VehicleStatus,
  capabilities: uniqueBy(LowerCode, (c) => c, null, 'capability').max(20),
};

export const CreateVehicleInput = z.strictObject({
  ...vehicleFields,
  status: VehicleStatus.default('in_service'),
  capabilities: vehicleFields.capabilities.default([]),
});
export const UpdateVehicleInput = z.strictObject({ id: Id, ...z.strictObject(vehicleFields).partial().shape });

export type CreateSkillInput = z.input<typeof CreateSkillInput>;
export type CreateCategoryInput = z.input<typeof CreateCategoryInput>;
export type UpdateCategoryInput = z.input<typeof UpdateCategoryInput>;
export type CreateVehicleInput = z.input<typeof CreateVehicleInput>;
export type UpdateVehicleInput = z.input<typeof UpdateVehicleInput>;
