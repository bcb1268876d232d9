import { describe, expect, it } from '@jest/globals';
import { REGION_STREAM, SOUTHEAST_REGION } from '@council/region/domain';
import { DEMO_SCRIPT, DEMO_STORIES } from './demo-script.js';
import type { DemoStep } from './demo-step.js';
import { commitment } from './story.js';

const ofType = (type: string) => DEMO_SCRIPT.filter((s) => s.command.type === type);
const dataOf = (step: DemoStep) => step.command.data as Record<string, unknown>;
const proposals = ofType('ProposeCommitment');

describe('the demo script', () => {
  it('is dated in Việt Nam time, oldest first, from the council’s first meeting to October 2025', () => {
    for (const step of DEMO_SCRIPT) expect(step.at).toMatch(/^\d{4}-\d{2}-\d{2}T(0[7-9]|1\d):\d{2}:00\+07:00$/);
    const times = DEMO_SCRIPT.map((s) => Date.parse(s.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(DEMO_SCRIPT[0]!.at).toBe('2023-07-18T07:00:00+07:00');
    expect(DEMO_SCRIPT.at(-1)!.at < '2025-11-01').toBe(true);
  });

  it('starts with the region reference data, every fact once and in order, the mergers on 1 July 2025', () => {
    const region = DEMO_SCRIPT.filter((s) => s.stream === REGION_STREAM);
    expect(region.map((s) => s.command)).toEqual(SOUTHEAST_REGION.map((r) => r.command));
    expect(DEMO_SCRIPT.slice(0, 10).every((s) => s.stream === REGION_STREAM)).toBe(true);
    for (const merger of ofType('MergeProvinces')) expect(merger.at).toBe('2025-07-01T07:00:00+07:00');
  });

  it('tells at least 40 commitments, each proposed once as its first step, at least 8 per track', () => {
    const ids = proposals.map((s) => s.stream);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(DEMO_STORIES.map((s) => s.steps[0]!.command.type)).toEqual(DEMO_STORIES.map(() => 'ProposeCommitment'));
    for (const track of ['transport', 'health', 'workforce']) expect(proposals.filter((s) => dataOf(s)['track'] === track).length).toBeGreaterThanOrEqual(8);
  });

  it('has merged provinces act through their successors from 1 July 2025', () => {
    const after = DEMO_SCRIPT.filter((s) => s.stream !== REGION_STREAM && s.at >= '2025-07-01');
    expect(after.length).toBeGreaterThan(0);
    for (const step of after) expect(['74', '77', '70', '72', '83']).not.toContain(step.actor.province);
    expect(after.some((s) => s.actor.province === '79' && s.actor.name === 'Văn phòng UBND Thành phố Hồ Chí Minh')).toBe(true);
    expect(after.some((s) => s.actor.province === '80' && s.actor.name === 'Văn phòng UBND tỉnh Tây Ninh')).toBe(true);
  });

  it('cites its source documents, publishes evidence over https and writes notes in Vietnamese', () => {
    const sources = proposals.map((s) => (dataOf(s)['sourceDocument'] as { number: string } | undefined)?.number);
    expect(sources).toEqual(expect.arrayContaining(['465/TB-VPCP', '24-NQ/TW', '57/2022/QH15']));
    const links = DEMO_SCRIPT.map((s) => dataOf(s)['evidenceUrl']).filter((u): u is string => u !== undefined);
    expect(links.length).toBeGreaterThanOrEqual(20);
    for (const link of links) expect(link).toMatch(/^https:\/\/[a-z-]+\.gov\.vn\/hoi-dong-vung-dong-nam-bo\//);
    const notes = ofType('ReportProgress').map((s) => dataOf(s)['note']).filter((n): n is string => n !== undefined);
    expect(notes.filter((n) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(n)).length).toBe(notes.length);
  });

  it('gives every progress figure the day it stands for, never after the day it was filed', () => {
    for (const step of ofType('ReportProgress')) expect(dataOf(step)['reportedFor'] as string <= step.at.slice(0, 10)).toBe(true);
    expect(ofType('ReportProgress').some((s) => dataOf(s)['disbursedVnd'] !== undefined)).toBe(true);
  });
});

describe('a story', () => {
  const spec = {
    id: 'x', by: '74', to: ['79'], track: 'transport', title: 'T', deadline: '2024-06-30',
    responsible: { agency: 'Sở GTVT', person: 'Phó Giám đốc' }, indicator: { name: 'km', unit: 'km', target: 1 },
  } as const;

  it('keeps two steps of one day in the order they are told', () => {
    const steps = commitment(spec).proposed('2024-01-10').accepted('2024-01-10', '79').claimed('2024-01-10', 'x').steps;
    expect(steps.map((s) => s.at)).toEqual(['2024-01-10T09:00:00+07:00', '2024-01-10T14:00:00+07:00', '2024-01-10T14:20:00+07:00']);
  });

  it('refuses a step told before the one it follows', () => {
    expect(() => commitment(spec).proposed('2024-01-10').accepted('2024-01-09', '79')).toThrow('x: AcceptCommitment on 2024-01-09 comes before the step at 2024-01-10T09:00:00+07:00');
  });

  it('records a missed deadline the morning after the deadline in force, an approved extension included', () => {
    const story = commitment(spec).proposed('2024-01-10').extensionRequested('2024-05-01', '2024-09-30', 'r').extensionApproved('2024-05-10', 'n').deadlineMissed();
    expect(story.steps.at(-1)).toMatchObject({ at: '2024-10-01T07:15:00+07:00', command: { type: 'RecordDeadlineMissed' }, actor: { roles: ['system'] } });
  });
});
