import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { AlertChannel } from '../../../shared/schemas/alerts.schema';
import { NotifyRole } from '../../../shared/schemas/escalation.schema';
import type { AlertChannelTable, Database } from '../../db/schema';

export type ChannelRow = Selectable<AlertChannelTable>;
type AlertChannelView = z.infer<typeof AlertChannel>;

const channelRoles = (row: ChannelRow): NotifyRole[] => NotifyRole.array().parse(JSON.parse(row.roles_json));

/** A channel as the API shows it: never the secret, only whether there is one. */
export function toAlertChannel(row: ChannelRow): AlertChannelView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    target: row.target,
    hasSecret: row.secret !== null,
    roles: channelRoles(row),
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Active channels of a kind that serve at least one of the roles told. */
export async function channelsServing(db: Kysely<Database>, kind: 'email' | 'webhook', roles: readonly NotifyRole[]): Promise<ChannelRow[]> {
  const rows = await db.selectFrom('alert_channels').selectAll().where('kind', '=', kind).where('active', '=', 1).orderBy('name').execute();
  return rows.filter((row) => channelRoles(row).some((role) => roles.includes(role)));
}
