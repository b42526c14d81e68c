import { randomBytes } from 'node:crypto';

// Crockford base32, lower case: no i, l, o, u, so ids survive being read aloud or copied by hand.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const TIME_CHARS = 10;
const RANDOM_CHARS = 10;
const RANDOM_MAX = (1n << BigInt(5 * RANDOM_CHARS)) - 1n;

let lastTime = -1;
let lastRandom = 0n;

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

const randomPart = (): bigint => BigInt('0x' + randomBytes(7).toString('hex')) & RANDOM_MAX;

/**
 * `prefix_` + 20 characters: 10 of epoch milliseconds, then 10 random (50 bits). Ids sort by creation time, also
 * within one millisecond and when the wall clock steps back (the last time is reused and the random part
 * incremented, as ULID's monotonic mode does), so an index on id is also an index on creation order.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  if (now > lastTime) {
    lastTime = now;
    lastRandom = randomPart();
  } else if (lastRandom < RANDOM_MAX) {
    lastRandom += 1n;
  } else {
    lastTime += 1;
    lastRandom = randomPart();
  }
  return `${prefix}_${encode(BigInt(lastTime), TIME_CHARS)}${encode(lastRandom, RANDOM_CHARS)}`;
}
