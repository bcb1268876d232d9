import type { CommitmentCommand } from '@council/commitments/domain';
import type { Actor, Command } from '@council/platform/event-sourcing';
import type { RegionCommand } from '@council/region/domain';

type Body<C> = C extends Command ? Pick<C, 'type' | 'data'> : never;

/** What a step asks: a region or a commitment command without its metadata and context. */
export type DemoCommand = Body<RegionCommand> | Body<CommitmentCommand>;

/** One dated action of the demo: who did what, on which stream, when (Việt Nam time). */
export interface DemoStep {
  /** ISO datetime with the +07:00 offset, e.g. '2024-03-05T09:30:00+07:00'. */
  readonly at: string;
  /** `region` (REGION_STREAM) or a commitment id. */
  readonly stream: string;
  readonly command: DemoCommand;
  readonly actor: Actor;
}

const VN_OFFSET_MS = 7 * 3_600_000;

/** A moment written the way the council writes it: local time with the +07:00 offset. */
export const vietnamTime = (day: string, time: string): string => `${day}T${time}:00+07:00`;

/** `iso` moved by `minutes`, still written in Việt Nam time. */
export function minutesAfter(iso: string, minutes: number): string {
  const local = new Date(Date.parse(iso) + minutes * 60_000 + VN_OFFSET_MS);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function daysAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole billions of đồng (tỷ đồng) as the exact digit string the domain expects. */
export function billionVnd(billions: number): string {
  if (!Number.isInteger(billions)) throw new Error(`${billions} tỷ: use millionVnd for fractions`);
  return (BigInt(billions) * 1_000_000_000n).toString();
}

/** Whole millions of đồng (triệu đồng) as an exact digit string. */
export function millionVnd(millions: number): string {
  if (!Number.isInteger(millions)) throw new Error(`${millions} triệu: not a whole number`);
  return (BigInt(millions) * 1_000_000n).toString();
}
