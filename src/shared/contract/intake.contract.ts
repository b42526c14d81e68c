import { STAFF } from '../roles';
import { SERVICE_REQUEST_EXAMPLE, ServiceRequestInput } from '../schemas/service-request.schema';
import { WorkOrderDetail } from '../schemas/work-order.schema';
import { defineMethod } from './define';

export const intakeMethods = {
  'serviceRequests.create': defineMethod({
    summary:
      'A customer service request becomes a work order: category scope, SLA targets with due instants, compliance fields, and the proposed (or, in auto mode, dispatched) technician with reasons. ' +
      'Idempotent by `idempotencyKey` (or the `Idempotency-Key` header): the same key and body return the first result, the same key with another body is 409. ' +
      'Send `application/x-ndjson` (up to 1,000 lines) for a batch with a result per line.',
    input: ServiceRequestInput,
    output: WorkOrderDetail,
    roles: STAFF,
    scopes: ['requests:write'],
    mutates: true,
    http: {
      method: 'POST',
      path: '/service-requests',
      successStatus: 201,
      headerFields: { 'idempotency-key': 'idempotencyKey' },
      ndjsonBatch: { maxLines: 1000 },
    },
    example: SERVICE_REQUEST_EXAMPLE,
  }),
};
