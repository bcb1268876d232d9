import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 4 KiB at a time: one system call for about 400 ids. */
const pool = new Uint8Array(4096);
let offset = pool.length;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const MS_RANGE = 2 ** 48;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Time-ordered ids keep the log's id index append-mostly, which keeps commits small.
 * Written straight from a byte → hex table (no Buffer, no slicing of a hex string): ids
 * are made for every event appended.
 */
export function uuidV7(at: Date | number): string {
  if (offset + 10 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const o = offset;
  offset += 10;
  const ms = typeof at === 'number' ? at : at.getTime();
  // The 48 low bits of the millisecond count (two's complement before 1970, as the bytes would be).
  const time = (((ms % MS_RANGE) + MS_RANGE) % MS_RANGE).toString(16).padStart(12, '0');
  const r = pool;
  return (
    `${time.slice(0, 8)}-${time.slice(8)}-` +
    `${HEX[0x70 | (r[o]! & 0x0f)]}${HEX[r[o + 1]!]}-${HEX[0x80 | (r[o + 2]! & 0x3f)]}${HEX[r[o + 3]!]}-` +
    `${HEX[r[o + 4]!]}${HEX[r[o + 5]!]}${HEX[r[o + 6]!]}${HEX[r[o + 7]!]}${HEX[r[o + 8]!]}${HEX[r[o + 9]!]}`
  );
}
