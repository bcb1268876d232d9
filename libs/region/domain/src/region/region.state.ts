import type { LegalBasis, RegionEvent } from './region.events.js';

export interface ProvinceName {
  readonly from: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface Province {
  readonly code: string;
  /** Names over time, oldest first: a successor that keeps its code gets a new entry. */
  readonly names: readonly ProvinceName[];
  readonly registeredOn: string;
  /** Set when the province was merged into another one under another code. */
  readonly mergedInto?: { readonly code: string; readonly on: string };
}

export interface Membership {
  readonly role: 'member' | 'partner';
  readonly from: string;
  readonly until?: string;
}

export interface Merger {
  readonly successor: string;
  readonly predecessors: readonly string[];
  readonly effectiveOn: string;
  readonly legalBasis: LegalBasis;
}

export interface Project {
  readonly projectId: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly track: string;
  readonly provinces: readonly string[];
}

/** The region's reference data as of the events folded so far. */
export interface Region {
  readonly provinces: Readonly<Record<string, Province>>;
  readonly memberships: Readonly<Record<string, readonly Membership[]>>;
  readonly mergers: readonly Merger[];
  readonly projects: Readonly<Record<string, Project>>;
}

export const emptyRegion = (): Region => ({ provinces: {}, memberships: {}, mergers: [], projects: {} });

export const evolveRegion = (state: Region, event: RegionEvent): Region => {
  switch (event.type) {
    case 'ProvinceRegistered': {
      const { code, name, nameEn, registeredOn } = event.data;
      const province: Province = { code, registeredOn, names: [{ from: registeredOn, name, nameEn }] };
      return { ...state, provinces: { ...state.provinces, [code]: province } };
    }
    case 'RegionMembershipGranted': {
      const { code, role, from } = event.data;
      return { ...state, memberships: { ...state.memberships, [code]: [...(state.memberships[code] ?? []), { role, from }] } };
    }
    case 'RegionMembershipEnded': {
      const { code, on } = event.data;
      const ended = (state.memberships[code] ?? []).map((m) => (m.until === undefined ? { ...m, until: on } : m));
      return { ...state, memberships: { ...state.memberships, [code]: ended } };
    }
    case 'ProvincesMerged': {
      const { successor, successorName, successorNameEn, predecessors, effectiveOn, legalBasis } = event.data;
      const provinces: Record<string, Province> = { ...state.provinces };
      for (const code of predecessors) {
        const old = provinces[code];
        if (old && code !== successor) provinces[code] = { ...old, mergedInto: { code: successor, on: effectiveOn } };
      }
      const name = { from: effectiveOn, name: successorName, nameEn: successorNameEn };
      const kept = provinces[successor];
      provinces[successor] = kept
        ? { ...kept, names: [...kept.names, name] }
        : { code: successor, registeredOn: effectiveOn, names: [name] };
      return { ...state, provinces, mergers: [...state.mergers, { successor, predecessors, effectiveOn, legalBasis }] };
    }
    case 'ProjectRegistered': {
      const { projectId, name, nameEn, track, provinces } = event.data;
      const project: Project = { projectId, name, track, provinces, ...(nameEn !== undefined && { nameEn }) };
      return { ...state, projects: { ...state.projects, [projectId]: project } };
    }
    default:
      event satisfies never;
      return state;
  }
};

/** The province's name on a date (its first name before it was registered). */
export function provinceName(region: Region, code: string, on: string): ProvinceName | undefined {
  const names = region.provinces[code]?.names ?? [];
  return names.filter((n) => n.from <= on).at(-1) ?? names[0];
}

/** The province that answers for `code` on `on`: itself, or its successor after a merger. */
export function successorOn(region: Region, code: string, on: string): string {
  let current = code;
  for (let hops = 0; hops < 10; hops++) {
    const merged = region.provinces[current]?.mergedInto;
    if (!merged || merged.on > on) return current;
    current = merged.code;
  }
  return current;
}

/** Whether `code` may be a party to a commitment on `on`: registered, not merged away, member or partner that day. */
export function partyInForce(region: Region, code: string, on: string): boolean {
  const province = region.provinces[code];
  if (!province || province.registeredOn > on) return false;
  if (province.mergedInto && province.mergedInto.on <= on) return false;
  return (region.memberships[code] ?? []).some((m) => m.from <= on && (m.until === undefined || on < m.until));
}

/** Whether the caller's province may act for `party` on `on` (itself, or as its successor). */
export function actsFor(region: Region, callerProvince: string | undefined, party: string, on: string): boolean {
  return callerProvince !== undefined && successorOn(region, party, on) === callerProvince;
}
