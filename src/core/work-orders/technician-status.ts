import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** Orders that keep a technician out in the field: on the way to a site or working on one. */
const FIELD_STATUSES = ['en_route', 'on_site'] as const;

/**
 * A technician on the road or on a site is `busy`; otherwise `available`. Only those two states follow the work:
 * `off_shift` and `unavailable` are the shift calendar's and the dispatcher's to set.
 */
export async function syncTechnicianStatus(trx: Transaction<Database>, technicianId: string | null | undefined, now: number): Promise<void> {
  if (!technicianId) return;
  const tech = await trx.selectFrom('technicians').select('status').where('id', '=', technicianId).executeTakeFirst();
  if (tech?.status !== 'available' && tech?.status !== 'busy') return;
  const inField = await trx.selectFrom('work_orders').select('id').where('technician_id', '=', technicianId).where('status', 'in', FIELD_STATUSES).limit(1).executeTakeFirst();
  const status = inField ? 'busy' : 'available';
  if (status !== tech.status) await trx.updateTable('technicians').set({ status, updated_at: now }).where('id', '=', technicianId).execute();
}
