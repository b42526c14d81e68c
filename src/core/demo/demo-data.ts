/** Name lists and fixed reference data of the fictional city of Rivermouth; the generators pick from these. */

export const CITY = { name: 'Rivermouth', lat: 52.37, lon: 4.89, timeZone: 'Europe/Amsterdam' } as const;

export const REGIONS = [
  { code: 'OLD', name: 'Old Town', lat: 52.372, lon: 4.893 },
  { code: 'NTH', name: 'North Bank', lat: 52.4, lon: 4.915 },
  { code: 'EST', name: 'Eastgate', lat: 52.36, lon: 4.955 },
  { code: 'STH', name: 'Southmead', lat: 52.332, lon: 4.885 },
  { code: 'WST', name: 'Westfield', lat: 52.37, lon: 4.82 },
  { code: 'HBR', name: 'Harbour', lat: 52.405, lon: 4.83 },
] as const;

export const SKILLS = [
  { code: 'hvac', name: 'HVAC' },
  { code: 'refrigeration', name: 'Refrigeration (F-gas)' },
  { code: 'ventilation', name: 'Ventilation' },
  { code: 'electrical', name: 'Electrical' },
  { code: 'high-voltage', name: 'High voltage' },
  { code: 'plumbing', name: 'Plumbing' },
  { code: 'gas', name: 'Gas appliances' },
  { code: 'drainage', name: 'Drainage' },
  { code: 'elevator', name: 'Elevators' },
  { code: 'fire-safety', name: 'Fire safety' },
  { code: 'access-control', name: 'Access control' },
  { code: 'network', name: 'Networks' },
  { code: 'cctv', name: 'CCTV' },
  { code: 'general', name: 'General maintenance' },
] as const;
export type SkillCode = (typeof SKILLS)[number]['code'];

/** Skills whose certificates expire (gas, F-gas, high voltage, lift and fire-safety registrations). */
export const CERTIFIED_SKILLS: readonly SkillCode[] = ['refrigeration', 'high-voltage', 'gas', 'elevator', 'fire-safety'];

/**
 * Teams by trade. `share` is the team's weight in the workforce; a technician masters the team's core skills and
 * picks up one or two from `side`.
 */
export interface Team {
  name: string;
  share: number;
  core: readonly SkillCode[];
  side: readonly SkillCode[];
  /** Vehicle kit beyond the van itself. */
  capabilities: readonly string[];
}

const team = (name: string, share: number, core: SkillCode[], side: SkillCode[], capabilities: string[]): Team => ({
  name, share, core, side, capabilities,
});

export const TEAMS: readonly Team[] = [
  team('Climate', 10, ['hvac', 'ventilation'], ['refrigeration', 'gas', 'electrical'], ['ladder', 'refrigerant']),
  team('Cooling', 5, ['refrigeration', 'hvac'], ['electrical', 'ventilation'], ['refrigerant']),
  team('Power', 8, ['electrical'], ['high-voltage', 'fire-safety', 'access-control'], ['ladder', 'generator']),
  team('Water & Gas', 8, ['plumbing', 'drainage'], ['gas', 'hvac'], ['pipe-camera']),
  team('Lifts', 5, ['elevator'], ['electrical', 'access-control'], ['lift']),
  team('Safety', 5, ['fire-safety'], ['access-control', 'cctv', 'electrical'], ['ladder']),
  team('Networks', 5, ['network', 'cctv'], ['access-control', 'electrical'], ['ladder']),
  team('General', 4, ['general'], ['plumbing', 'electrical', 'hvac'], ['ladder', 'lift']),
];

export const VEHICLE_MODELS = [
  'Ford Transit Custom',
  'Volkswagen Transporter',
  'Renault Trafic',
  'Mercedes-Benz Vito',
  'Peugeot e-Expert',
  'Toyota Proace',
  'Citroën ë-Jumpy',
] as const;

export const FIRST_NAMES = [
  'Anna', 'Bram', 'Daan', 'Emma', 'Fleur', 'Gijs', 'Hanna', 'Iris', 'Jesse', 'Julia', 'Koen', 'Lars', 'Lisa',
  'Lotte', 'Luuk', 'Maud', 'Milan', 'Noah', 'Noor', 'Olivier', 'Pieter', 'Roos', 'Ruben', 'Sanne', 'Sem', 'Sophie',
  'Stijn', 'Tess', 'Thijs', 'Tim', 'Vera', 'Wouter', 'Yara', 'Zoë', 'Mohamed', 'Yusuf', 'Fatima', 'Samira',
  'Kevin', 'Priya', 'Mateusz', 'Agnieszka', 'Rachid', 'Esra', 'Marco', 'Ingrid', 'Dennis', 'Kim',
] as const;

export const LAST_NAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
  'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan',
  'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'Schouten', 'El Amrani', 'Yilmaz',
  'Kowalski', 'Nowak', 'Pinas', 'Tahiri', 'Sarmo', 'Hoekstra', 'Prins', 'Koster', 'Willems', 'Postma',
] as const;

export const PLACE_WORDS = [
  'Rivermouth', 'Harbourside', 'Northbank', 'Eastgate', 'Southmead', 'Westfield', 'Old Town', 'Quayside',
  'Lighthouse', 'Windmill', 'Tulip', 'Canal', 'Dyke', 'Polder', 'Anchor', 'Beacon', 'Meridian', 'Estuary',
  'Riverside', 'Bridgewater', 'Saltmarsh', 'Delta', 'Seagate', 'Mill Lane',
] as const;

export const BUSINESSES = [
  'Foods', 'Logistics', 'Hotel', 'Medical Centre', 'Dental Clinic', 'Offices', 'Data Centre', 'Supermarket',
  'Bakery', 'Cinema', 'Fitness', 'College', 'Primary School', 'Care Home', 'Brewery', 'Cold Storage', 'Pharmacy',
  'Apartments', 'Shopping Centre', 'Marina', 'Print Works', 'Laboratories', 'Library', 'Sports Hall', 'Garage',
  'Fish Market', 'Theatre', 'Conference Centre', 'Veterinary Clinic', 'Furniture',
] as const;

export const FAMILY_TRADES = [
  'Bakery', 'Butchers', 'Opticians', 'Flowers', 'Installations', 'Transport', 'Accountants', 'Notaries',
  'Printing', 'Catering', 'Wholesale', 'Interiors',
] as const;

export const LEGAL_SUFFIXES = ['', '', '', ' B.V.', ' B.V.', ' N.V.', ' & Co'] as const;

export const SITE_NAMES = [
  'Head office', 'Warehouse', 'Distribution centre', 'Branch office', 'Shop', 'Workshop', 'Plant room',
  'Server room', 'Annex', 'Depot', 'Kitchen', 'Car park',
] as const;

export const STREETS = [
  'Rivierkade', 'Molenstraat', 'Lindelaan', 'Kerkstraat', 'Dijkweg', 'Havenweg', 'Zeedijk', 'Stationsplein',
  'Schoolstraat', 'Marktplein', 'Prinsengracht', 'Sluisweg', 'Vissersstraat', 'Zuiderkade', 'Noorderweg',
  'Oosterpark', 'Westerstraat', 'Brugstraat', 'Torenlaan', 'Parklaan', 'Industrieweg', 'Werfstraat',
  'Ankerplaats', 'Baaklaan', 'Polderweg', 'Tulpstraat', 'Beukenlaan', 'Eikenweg', 'Dokweg', 'Veerkade',
] as const;

/** Reasons for planned absences, repeated by how often they occur. */
export const PLANNED_ABSENCES = ['vacation', 'vacation', 'vacation', 'training', 'parental leave'] as const;
