import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { Skill, Vehicle } from '@shared/schemas/reference.schema';
import { api } from '../api';
import { isEntity } from '../stores/reference-entity';

/** Skills and the fleet for the Admin view, kept current by `reference.changed`. */
export const useAdminCatalog = defineStore('adminCatalog', () => {
  const skills = shallowRef<Skill[]>([]);
  const vehicles = shallowRef<Vehicle[]>([]);
  const loaded = shallowRef(false);

  async function load(): Promise<void> {
    const [skillList, vehicleList] = await Promise.all([api.call('skills.list', {}), api.call('vehicles.list', {})]);
    skills.value = skillList;
    vehicles.value = vehicleList;
    loaded.value = true;
  }

  api.on('reference.changed', ({ entity }) => {
    // A technician change can move a vehicle to another driver. A failed refresh keeps the last good lists.
    if (loaded.value && isEntity(entity, 'skill', 'vehicle', 'technician')) load().catch(() => undefined);
  });

  const skillName = computed(() => new Map(skills.value.map((s) => [s.code, s.name])));
  /** Every capability the fleet offers, for the pickers of categories and vehicles. */
  const capabilities = computed(() => [...new Set(vehicles.value.flatMap((v) => v.capabilities))].sort());

  return { skills, vehicles, skillName, capabilities, load };
});
