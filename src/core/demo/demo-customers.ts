import type { Insertable } from 'kysely';
import type { Database } from '../db/schema';
import {
  BUSINESSES, CITY, FAMILY_TRADES, FIRST_NAMES, LAST_NAMES, LEGAL_SUFFIXES, PLACE_WORDS, REGIONS, SITE_NAMES, STREETS,
} from './demo-data';
import { nearestRegionCode, regionId, scatter } from './demo-geo';
import { dutchMobile, pad, slug } from './demo-text';
import type { Prng } from './prng';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface CustomerBase {
  customers: Row<'customers'>[];
  sites: Row<'sites'>[];
  contacts: Row<'contacts'>[];
}

/** Always customer 1, always GOLD with three sites: the customer-specific SLA policy and the demos rely on it. */
export const FLAGSHIP = { id: 'cus_0001', name: 'Rivermouth University Medical Centre' } as const;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// Dutch postcodes: four digits and two letters; SA, SD and SS are never issued.
const POSTCODE_LETTERS = 'ABCEGHJKLMNPRTVWXZ';

function companyName(rng: Prng): string {
  if (rng.chance(0.35)) return `${capitalise(rng.pick(LAST_NAMES))} ${rng.pick(FAMILY_TRADES)}${rng.pick(LEGAL_SUFFIXES)}`;
  return `${rng.pick(PLACE_WORDS)} ${rng.pick(BUSINESSES)}`;
}

function contractCode(rng: Prng): string | null {
  const r = rng.next();
  if (r < 0.1) return 'GOLD';
  if (r < 0.32) return 'SILVER';
  if (r < 0.62) return 'BRONZE';
  return null;
}

function address(rng: Prng): string {
  const postcode = `${rng.int(1011, 1109)} ${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`;
  return `${rng.pick(STREETS)} ${rng.int(1, 240)}, ${postcode} ${CITY.name}`;
}

function person(rng: Prng, domain: string) {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { name: `${first} ${last}`, phone: dutchMobile(rng), email: `${slug(first)}.${slug(last)}@${domain}` };
}

export function buildCustomers(rng: Prng, now: number, technicianIds: readonly string[]): CustomerBase {
  const count = rng.int(195, 205);
  const out: CustomerBase = { customers: [], sites: [], contacts: [] };
  const usedNames = new Set<string>([FLAGSHIP.name]);
  let siteSeq = 0;
  let contactSeq = 0;

  for (let i = 0; i < count; i++) {
    const flagship = i === 0;
    let name: string = FLAGSHIP.name;
    if (!flagship) do name = companyName(rng); while (usedNames.has(name));
    usedNames.add(name);
    const id = flagship ? FLAGSHIP.id : `cus_${pad(i + 1)}`;
    const contract = flagship ? 'GOLD' : contractCode(rng);
    // Premium contracts often name a technician who knows the installation.
    const preferred = contract === 'GOLD' || (contract === 'SILVER' && rng.chance(0.3)) ? rng.pick(technicianIds) : null;
    const externalId = `CRM-${10_000 + i * 3}`;
    out.customers.push({
      id, external_id: externalId, name, contract_code: contract, preferred_technician_id: preferred,
      created_at: now, updated_at: now,
    });

    const domain = `${slug(name)}.example`;
    const addContact = (siteId: string | null) =>
      out.contacts.push({ id: `con_${pad(++contactSeq)}`, customer_id: id, site_id: siteId, ...person(rng, domain) });
    addContact(null);
    if (rng.chance(0.3)) addContact(null);

    const r = rng.next();
    const siteCount = flagship ? 3 : r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
    const home = rng.pick(REGIONS);
    rng.shuffle(SITE_NAMES).slice(0, siteCount).forEach((siteName, k) => {
      // A customer's sites cluster in one part of town, with the odd branch further out.
      const point = scatter(rng, k === 0 || rng.chance(0.5) ? home : rng.pick(REGIONS), 2);
      const siteId = `site_${pad(++siteSeq)}`;
      out.sites.push({
        id: siteId, customer_id: id, external_id: `${externalId}-${k + 1}`, name: siteName, address: address(rng),
        lat: point.lat, lon: point.lon, time_zone: CITY.timeZone, region_id: regionId(nearestRegionCode(point)),
        created_at: now, updated_at: now,
      });
      if (rng.chance(0.5)) addContact(siteId);
    });
  }
  return out;
}
