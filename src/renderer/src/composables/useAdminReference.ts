import type { CalendarRecord, Category, Skill, SlaPolicy, Technician, Vehicle } from '@shared/schemas/reference.schema';
import type { User } from '../stores/admin.store';
import { useAdminStore } from '../stores/admin.store';
import { useReferenceStore } from '../stores/reference.store';
import { useTechniciansStore } from '../stores/technicians.store';
import { useAdminAlerts, type AlertChannel, type EscalationProtocol } from './useAdminAlerts';
import { useAdminCatalog } from './useAdminCatalog';
import { byName, removeById, upsert } from './useAdminLists';

/**
 * Puts what a write returned into the lists on screen at once. The `reference.changed` event that follows
 * reloads them too (and brings other admins' changes), but the admin who saved sees the result without waiting.
 */
export function useAdminReference() {
  const reference = useReferenceStore();
  const people = useTechniciansStore();
  const admin = useAdminStore();
  const catalog = useAdminCatalog();
  const alerts = useAdminAlerts();

  return {
    putCalendar: (c: CalendarRecord) => void (reference.calendars = upsert(reference.calendars, c, byName)),
    dropCalendar: (id: string) => void (reference.calendars = removeById(reference.calendars, id)),
    putPolicy: (p: SlaPolicy) => void (reference.policies = upsert(reference.policies, p)),
    dropPolicy: (id: string) => void (reference.policies = removeById(reference.policies, id)),
    putCategory: (c: Category) => void (reference.categories = upsert(reference.categories, c, (a, b) => a.code.localeCompare(b.code))),
    dropCategory: (id: string) => void (reference.categories = removeById(reference.categories, id)),
    putTechnician: (t: Technician) => void (people.technicians = upsert(people.technicians, t, byName)),
    putUser: (u: User) => void (admin.users = upsert(admin.users, u, (a, b) => a.username.localeCompare(b.username))),
    putSkill: (s: Skill) => void (catalog.skills = upsert(catalog.skills, s, (a, b) => a.code.localeCompare(b.code))),
    dropSkill: (id: string) => void (catalog.skills = removeById(catalog.skills, id)),
    putVehicle: (v: Vehicle) => void (catalog.vehicles = upsert(catalog.vehicles, v, (a, b) => a.registration.localeCompare(b.registration))),
    dropVehicle: (id: string) => void (catalog.vehicles = removeById(catalog.vehicles, id)),
    putProtocol: (p: EscalationProtocol) => void (alerts.protocols = upsert(alerts.protocols, p, byName)),
    putChannel: (c: AlertChannel) => void (alerts.channels = upsert(alerts.channels, c, byName)),
    dropChannel: (id: string) => void (alerts.channels = removeById(alerts.channels, id)),
  };
}
