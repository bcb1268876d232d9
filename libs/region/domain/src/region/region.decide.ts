import { check, type Decider, IllegalStateError, ValidationError } from '@council/platform/event-sourcing';
import { TRACKS } from '../track.js';
import type { EndMembership, GrantMembership, MergeProvinces, RegionCommand, RegisterProject, RegisterProvince } from './region.commands.js';
import type { LegalBasis, ProjectRegistered, ProvinceRegistered, ProvincesMerged, RegionEvent, RegionMembershipEnded, RegionMembershipGranted } from './region.events.js';
import { emptyRegion, evolveRegion, type Region } from './region.state.js';

/** Reference facts take effect on a day, in Việt Nam: the event says so, whenever it is recorded. */
const effectiveOn = (day: string) => ({ effectiveAt: `${day}T00:00:00.000+07:00` });

const code = (field: string, value: unknown): string => {
  if (typeof value !== 'string' || !/^\d{2}$/.test(value)) throw new ValidationError(field, 'must be a two-digit official province code');
  return value;
};

export const legalBasis = (field: string, value: LegalBasis | undefined): LegalBasis => {
  if (!value) throw new ValidationError(field, 'must name the legal basis (number, date, issuer)');
  const url = value.url === undefined || value.url === '' ? undefined : check.httpUrl(`${field}.url`, value.url);
  return {
    number: check.text(`${field}.number`, value.number, { max: 100 }),
    date: check.date(`${field}.date`, value.date),
    issuer: check.text(`${field}.issuer`, value.issuer, { max: 200 }),
    ...(url && { url }),
  };
};

/** A code once given is never given to another province, even after it ended. */
const codeEverUsed = (region: Region, value: string) =>
  region.provinces[value] !== undefined || region.mergers.some((m) => m.successor === value || m.predecessors.includes(value));

export const registerProvince = ({ data }: RegisterProvince, region: Region): ProvinceRegistered[] => {
  const c = code('code', data.code);
  if (codeEverUsed(region, c)) throw new IllegalStateError(`province code ${c} is already registered`);
  const registeredOn = check.date('registeredOn', data.registeredOn);
  return [
    {
      type: 'ProvinceRegistered',
      data: { code: c, name: check.text('name', data.name, { max: 100 }), nameEn: check.text('nameEn', data.nameEn, { max: 100 }), registeredOn },
      metadata: effectiveOn(registeredOn),
    },
  ];
};

export const grantMembership = ({ data }: GrantMembership, region: Region): RegionMembershipGranted[] => {
  const c = code('code', data.code);
  if (!region.provinces[c]) throw new ValidationError('code', `province ${c} is not registered`);
  const from = check.date('from', data.from);
  if ((region.memberships[c] ?? []).some((m) => m.until === undefined || m.until > from))
    throw new IllegalStateError(`province ${c} already takes part in the region on ${from}`);
  return [{ type: 'RegionMembershipGranted', data: { code: c, role: check.oneOf('role', data.role, ['member', 'partner'] as const), from }, metadata: effectiveOn(from) }];
};

export const endMembership = ({ data }: EndMembership, region: Region): RegionMembershipEnded[] => {
  const c = code('code', data.code);
  const on = check.date('on', data.on);
  const open = (region.memberships[c] ?? []).find((m) => m.until === undefined);
  if (!open) throw new IllegalStateError(`province ${c} has no membership to end`);
  if (on <= open.from) throw new ValidationError('on', `must be after the membership began (${open.from})`);
  return [{ type: 'RegionMembershipEnded', data: { code: c, on, reason: check.text('reason', data.reason, { max: 2000 }) }, metadata: effectiveOn(on) }];
};

export const mergeProvinces = ({ data }: MergeProvinces, region: Region): ProvincesMerged[] => {
  const successor = code('successor', data.successor);
  if (!Array.isArray(data.predecessors) || data.predecessors.length < 2)
    throw new ValidationError('predecessors', 'a merger joins at least two provinces');
  const predecessors = data.predecessors.map((p, i) => code(`predecessors[${i}]`, p));
  if (new Set(predecessors).size !== predecessors.length) throw new ValidationError('predecessors', 'must not repeat a province');
  const effectiveOn = check.date('effectiveOn', data.effectiveOn);
  predecessors.forEach((p, i) => {
    const province = region.provinces[p];
    if (!province) throw new ValidationError(`predecessors[${i}]`, `province ${p} is not registered`);
    if (province.mergedInto) throw new IllegalStateError(`province ${p} was already merged into ${province.mergedInto.code}`);
  });
  if (!predecessors.includes(successor) && codeEverUsed(region, successor))
    throw new ValidationError('successor', `code ${successor} was given before and is never given again`);
  return [
    {
      type: 'ProvincesMerged',
      data: {
        successor,
        successorName: check.text('successorName', data.successorName, { max: 100 }),
        successorNameEn: check.text('successorNameEn', data.successorNameEn, { max: 100 }),
        predecessors,
        effectiveOn,
        legalBasis: legalBasis('legalBasis', data.legalBasis),
      },
      metadata: { effectiveAt: `${effectiveOn}T00:00:00.000+07:00` },
    },
  ];
};

export const registerProject = ({ data }: RegisterProject, region: Region): ProjectRegistered[] => {
  const projectId = check.text('projectId', data.projectId, { max: 64 });
  if (!/^[a-z0-9][a-z0-9-]*$/.test(projectId)) throw new ValidationError('projectId', 'must be lower-case letters, digits and dashes');
  if (region.projects[projectId]) throw new IllegalStateError(`project ${projectId} is already registered`);
  if (!Array.isArray(data.provinces) || data.provinces.length === 0) throw new ValidationError('provinces', 'must name at least one province');
  const provinces = data.provinces.map((p, i) => {
    const c = code(`provinces[${i}]`, p);
    if (!region.provinces[c]) throw new ValidationError(`provinces[${i}]`, `province ${c} is not registered`);
    return c;
  });
  const nameEn = check.optionalText('nameEn', data.nameEn, { max: 200 });
  const description = check.optionalText('description', data.description, { max: 4000 });
  return [
    {
      type: 'ProjectRegistered',
      data: {
        projectId,
        name: check.text('name', data.name, { max: 200 }),
        track: check.oneOf('track', data.track, TRACKS),
        provinces,
        ...(nameEn && { nameEn }),
        ...(description && { description }),
        ...(data.legalBasis && { legalBasis: legalBasis('legalBasis', data.legalBasis) }),
      },
    },
  ];
};

export const regionDecider: Decider<Region, RegionCommand, RegionEvent> = {
  initialState: emptyRegion,
  evolve: evolveRegion,
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterProvince':
        return registerProvince(command, state);
      case 'GrantMembership':
        return grantMembership(command, state);
      case 'EndMembership':
        return endMembership(command, state);
      case 'MergeProvinces':
        return mergeProvinces(command, state);
      case 'RegisterProject':
        return registerProject(command, state);
      default:
        command satisfies never;
        return [];
    }
  },
};
