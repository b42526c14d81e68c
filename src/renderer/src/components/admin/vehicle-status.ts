import type { Vehicle } from '@shared/schemas/reference.schema';
import type { TagType } from '../../format/labels';

export const VEHICLE_STATUS_LABEL: Record<Vehicle['status'], string> = {
  in_service: 'In service',
  maintenance: 'Maintenance',
  out_of_service: 'Out of service',
};

export const VEHICLE_STATUS_TAG: Record<Vehicle['status'], TagType> = { in_service: 'success', maintenance: 'warning', out_of_service: 'error' };
