import { describe, expect, it } from '@jest/globals';
import { IllegalStateError, ValidationError } from '@council/platform/event-sourcing';
import { deciderSpec } from '@council/platform/testing';
import { SOUTHEAST_REGION } from '../reference-data.js';
import type { RegionCommand } from './region.commands.js';
import { regionDecider } from './region.decide.js';
import { regionFrom } from './region-from.js';
import { actsFor, partyInForce, provinceName, successorOn } from './region.state.js';

const council = { subject: 'council-1', roles: ['council'] };
const spec = deciderSpec(regionDecider);
const at = (command: Pick<RegionCommand, 'type' | 'data'>): RegionCommand =>
  ({ ...command, metadata: { now: new Date('2025-01-01T00:00:00Z'), actor: council } }) as RegionCommand;
const { events: history, region } = regionFrom(SOUTHEAST_REGION, council);

describe('the Southeast region reference data', () => {
  it('has the six member provinces in force when the council first met, and Long An as a partner', () => {
    for (const code of ['79', '74', '75', '77', '70', '72', '80']) expect(partyInForce(region, code, '2023-07-18')).toBe(true);
    expect(partyInForce(region, '80', '2023-07-17')).toBe(false);
  });

  it('after 1 July 2025 has Bình Dương and Bà Rịa – Vũng Tàu answered for by Hồ Chí Minh City, Bình Phước by Đồng Nai, old Tây Ninh by the new Tây Ninh (80)', () => {
    expect(successorOn(region, '74', '2025-07-01')).toBe('79');
    expect(successorOn(region, '77', '2025-07-01')).toBe('79');
    expect(successorOn(region, '70', '2025-07-01')).toBe('75');
    expect(successorOn(region, '72', '2025-07-01')).toBe('80');
    expect(successorOn(region, '74', '2025-06-30')).toBe('74');
    expect(partyInForce(region, '74', '2025-07-01')).toBe(false);
    expect(partyInForce(region, '80', '2025-07-01')).toBe(true);
    expect(actsFor(region, '79', '74', '2025-07-02')).toBe(true);
    expect(actsFor(region, '79', '74', '2025-06-30')).toBe(false);
  });

  it('keeps the names as they were on each date', () => {
    expect(provinceName(region, '80', '2024-01-01')?.name).toBe('Tỉnh Long An');
    expect(provinceName(region, '80', '2025-07-01')?.name).toBe('Tỉnh Tây Ninh');
    expect(provinceName(region, '74', '2026-01-01')?.name).toBe('Tỉnh Bình Dương');
  });

  it('records each merger with its legal basis and effective date', () => {
    const mergers = history.filter((e) => e.type === 'ProvincesMerged');
    expect(mergers).toHaveLength(4);
    expect(mergers[0]).toEqual({
      type: 'ProvincesMerged',
      data: {
        successor: '79',
        successorName: 'Thành phố Hồ Chí Minh',
        successorNameEn: 'Ho Chi Minh City',
        predecessors: ['79', '74', '77'],
        effectiveOn: '2025-07-01',
        legalBasis: { number: '202/2025/QH15', date: '2025-06-12', issuer: 'Quốc hội (National Assembly)' },
      },
      metadata: { effectiveAt: '2025-07-01T00:00:00.000+07:00' },
    });
  });
});

describe('registering a province', () => {
  it('records it with its official code', () => {
    spec.given([]).when(at({ type: 'RegisterProvince', data: { code: '01', name: 'Thành phố Hà Nội', nameEn: 'Hanoi', registeredOn: '2008-08-01' } })).then([
      { type: 'ProvinceRegistered', data: { code: '01', name: 'Thành phố Hà Nội', nameEn: 'Hanoi', registeredOn: '2008-08-01' }, metadata: { effectiveAt: '2008-08-01T00:00:00.000+07:00' } },
    ]);
  });

  it('refuses a code that is not two digits, and a code given before, even one that ended', () => {
    spec.given([]).when(at({ type: 'RegisterProvince', data: { code: '1', name: 'X', nameEn: 'X', registeredOn: '2020-01-01' } })).thenThrows(ValidationError, 'code: must be a two-digit official province code');
    spec.given(history).when(at({ type: 'RegisterProvince', data: { code: '74', name: 'X', nameEn: 'X', registeredOn: '2026-01-01' } })).thenThrows(IllegalStateError, 'province code 74 is already registered');
  });
});

describe('merging provinces', () => {
  it('refuses a province already merged, a lone province and a successor code given before', () => {
    const merge = (data: Partial<Extract<RegionCommand, { type: 'MergeProvinces' }>['data']>) =>
      at({
        type: 'MergeProvinces',
        data: { successor: '79', successorName: 'X', successorNameEn: 'X', predecessors: ['79', '74'], effectiveOn: '2026-01-01', legalBasis: { number: '1', date: '2025-12-01', issuer: 'Quốc hội' }, ...data },
      });
    spec.given(history).when(merge({})).thenThrows(IllegalStateError, 'province 74 was already merged into 79');
    spec.given(history).when(merge({ predecessors: ['79'] })).thenThrows(ValidationError, 'a merger joins at least two provinces');
    spec.given(history).when(merge({ successor: '74', predecessors: ['79', '75'] })).thenThrows(ValidationError, 'code 74 was given before and is never given again');
  });
});

describe('registering a project', () => {
  it('refuses an unknown track, an unknown province and a project id taken', () => {
    const project = (data: Partial<Extract<RegionCommand, { type: 'RegisterProject' }>['data']>) =>
      at({ type: 'RegisterProject', data: { projectId: 'cau-moi', name: 'Cầu mới', track: 'transport', provinces: ['79'], ...data } });
    spec.given(history).when(project({ track: 'tourism' })).thenThrows(ValidationError, 'track: must be one of transport, health, workforce');
    spec.given(history).when(project({ provinces: ['01'] })).thenThrows(ValidationError, 'provinces[0]: province 01 is not registered');
    spec.given(history).when(project({ projectId: 'vanh-dai-3' })).thenThrows(IllegalStateError, 'project vanh-dai-3 is already registered');
    spec.given(history).when(project({})).then([{ type: 'ProjectRegistered', data: { projectId: 'cau-moi', name: 'Cầu mới', track: 'transport', provinces: ['79'] } }]);
  });
});
