import { randomFillSync } from 'node:crypto';

// Crockford base32, lower case: no i, l, o, u, so ids survive being read aloud or copied by hand.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const TIME_CHARS = 10;
/** The 50 random bits are kept as two 25-bit halves, so ids are built with plain numbers (no BigInt). */
const HALF_BITS = 25;
const HALF_MAX = 2 ** HALF_BITS - 1;

let lastTime = -1;
let randomHigh = 0;
let randomLow = 0;

/** Random bytes drawn a few kilobytes at a time: one system call per few hundred ids instead of one per id. */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomHalf(): number {
  if (poolOffset + 4 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const value = pool.readUInt32LE(poolOffset) & HALF_MAX;
  poolOffset += 4;
  return value;
}

function encodeTime(time: number): string {
  let out = '';
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET[time % 32] + out;
    time = Math.floor(time / 32);
  }
  return out;
}

function encodeHalf(value: number): string {
  let out = '';
  for (let i = 0; i < HALF_BITS / 5; i++) {
    out = ALPHABET[value & 31] + out;
    value >>>= 5;
  }
  return out;
}

/**
 * `prefix_` + 20 characters: 10 of epoch milliseconds, then 10 random (50 bits). Ids sort by creation time, also
 * within one millisecond and when the wall clock steps back (the last time is reused and the random part
 * incremented, as ULID's monotonic mode does), so an index on id is also an index on creation order.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  if (now > lastTime) {
    lastTime = now;
    randomHigh = randomHalf();
    randomLow = randomHalf();
  } else if (randomLow < HALF_MAX) {
    randomLow += 1;
  } else if (randomHigh < HALF_MAX) {
    randomHigh += 1;
    randomLow = 0;
  } else {
    lastTime += 1;
    randomHigh = randomHalf();
    randomLow = randomHalf();
  }
  return `${prefix}_${encodeTime(lastTime)}${encodeHalf(randomHigh)}${encodeHalf(randomLow)}`;
}
