import type { Command } from '@council/platform/event-sourcing';
import type { LegalBasis } from './region.events.js';

export type RegisterProvince = Command<'RegisterProvince', { code: string; name: string; nameEn: string; registeredOn: string }>;
export type GrantMembership = Command<'GrantMembership', { code: string; role: 'member' | 'partner'; from: string }>;
export type EndMembership = Command<'EndMembership', { code: string; on: string; reason: string }>;
export type MergeProvinces = Command<
  'MergeProvinces',
  { successor: string; successorName: string; successorNameEn: string; predecessors: string[]; effectiveOn: string; legalBasis: LegalBasis }
>;
export type RegisterProject = Command<
  'RegisterProject',
  { projectId: string; name: string; nameEn?: string; track: string; provinces: string[]; description?: string; legalBasis?: LegalBasis }
>;

export type RegionCommand = RegisterProvince | GrantMembership | EndMembership | MergeProvinces | RegisterProject;
