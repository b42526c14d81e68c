import type { Prng } from './prng';

export const pad = (n: number, width = 4): string => String(n).padStart(width, '0');

/** Lower-case ASCII letters and digits only, for e-mail addresses and domains built from names like "Zoë". */
export const slug = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

export const dutchMobile = (rng: Prng): string => `+31 6 ${pad(rng.int(1000, 9999))} ${pad(rng.int(0, 9999))}`;
