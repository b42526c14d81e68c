import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Region, Technician } from '@shared/schemas/reference.schema';
import { api } from '../api';
import { isEntity } from './reference-entity';

/** Technicians and regions, with positions kept current by `technician.moved`. */
export const useTechniciansStore = defineStore('technicians', () => {
  const technicians = ref<Technician[]>([]);
  const regions = ref<Region[]>([]);
  const loaded = shallowRef(false);

  async function load(): Promise<void> {
    const [techs, regionList] = await Promise.all([api.call('technicians.list', {}), api.call('regions.list', {})]);
    technicians.value = techs;
    regions.value = regionList;
    loaded.value = true;
  }

  api.on('technician.moved', ({ technicianId, lat, lon, at }) => {
    const technician = technicians.value.find((t) => t.id === technicianId);
    if (technician && (!technician.position || technician.position.at <= at)) technician.position = { lat, lon, at };
  });

  api.on('reference.changed', ({ entity }) => {
    // A failed background refresh keeps the last good list; the live indicator already shows connection trouble.
    if (loaded.value && isEntity(entity, 'technician', 'region', 'vehicle', 'skill')) void load().catch(() => undefined);
  });

  const regionName = computed(() => new Map(regions.value.map((r) => [r.id, r.name])));
  const byId = computed(() => new Map(technicians.value.map((t) => [t.id, t])));

  return { technicians, regions, regionName, byId, load };
});
