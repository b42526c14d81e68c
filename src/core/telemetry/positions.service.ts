import { AppError } from '../../shared/errors';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';

export function createPositionHandlers({ db, bus }: CoreDeps): HandlerMap<'technicians.reportPosition'> {
  return {
    'technicians.reportPosition': async (input, { principal }) => {
      if (principal?.role === 'technician' && principal.technicianId !== input.technicianId) {
        throw new AppError('forbidden', 'A technician may only report their own position.');
      }
      return inTransaction(db, bus, async (trx, emit) => {
        const tech = await trx.selectFrom('technicians').select(['id', 'last_position_at']).where('id', '=', input.technicianId).executeTakeFirst();
        if (!tech) throw new AppError('not_found', `No technician with id "${input.technicianId}".`);
        // Pings can arrive out of order (batched uploads after a dead zone): an older ping never overwrites a newer one.
        const applied = tech.last_position_at === null || input.at >= tech.last_position_at;
        if (applied) {
          await trx
            .updateTable('technicians')
            .set({ last_lat: input.lat, last_lon: input.lon, last_position_at: input.at })
            .where('id', '=', input.technicianId)
            .execute();
          emit('technician.moved', { technicianId: input.technicianId, lat: input.lat, lon: input.lon, at: input.at });
        }
        return { technicianId: input.technicianId, lat: input.lat, lon: input.lon, at: input.at, applied };
      });
    },
  };
}
