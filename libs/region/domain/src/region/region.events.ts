import type { Event } from '@council/platform/event-sourcing';

/** The decision, conclusion or agreement a fact rests on. */
export interface LegalBasis {
  readonly number: string;
  readonly date: string;
  readonly issuer: string;
  readonly url?: string;
}

export type ProvinceRegistered = Event<'ProvinceRegistered', { code: string; name: string; nameEn: string; registeredOn: string }>;

/** A province joins the region as a member, or takes part as a partner, from a date. */
export type RegionMembershipGranted = Event<'RegionMembershipGranted', { code: string; role: 'member' | 'partner'; from: string }>;

export type RegionMembershipEnded = Event<'RegionMembershipEnded', { code: string; on: string; reason: string }>;

/**
 * Provinces merged into a successor from a date. The successor keeps one of the old codes
 * or receives a new one; a code that ended is never given again.
 */
export type ProvincesMerged = Event<
  'ProvincesMerged',
  { successor: string; successorName: string; successorNameEn: string; predecessors: string[]; effectiveOn: string; legalBasis: LegalBasis }
>;

export type ProjectRegistered = Event<
  'ProjectRegistered',
  { projectId: string; name: string; nameEn?: string; track: string; provinces: string[]; description?: string; legalBasis?: LegalBasis }
>;

export type RegionEvent = ProvinceRegistered | RegionMembershipGranted | RegionMembershipEnded | ProvincesMerged | ProjectRegistered;

/** All reference data lives in one stream: it is small, changes rarely and is read whole. */
export const REGION_STREAM = 'region';
