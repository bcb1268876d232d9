import { check, ValidationError } from '@council/platform/event-sourcing';
import { legalBasis, partyInForce, type Region, TRACKS } from '@council/region/domain';
import type { ProposeCommitment } from './commitment.commands.js';
import { BUDGET_SOURCES, type CommitmentProposed } from './commitment.events.js';
import { type FivePoint, IncompleteCommitmentError } from './five-points.js';

type Proposal = ProposeCommitment['data'];

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Every point of the five-point rule the proposal leaves open, with the field that is missing. */
function missingPoints(data: Proposal): { point: FivePoint; field: string }[] {
  const missing: { point: FivePoint; field: string }[] = [];
  if (!Array.isArray(data.counterparties) || data.counterparties.length === 0) missing.push({ point: 'who', field: 'counterpartyProvinces' });
  if (blank(data.title)) missing.push({ point: 'what', field: 'title' });
  if (blank(data.deadline)) missing.push({ point: 'byWhen', field: 'deadline' });
  if (blank(data.responsible?.agency)) missing.push({ point: 'answerable', field: 'responsible.agency' });
  if (blank(data.responsible?.person)) missing.push({ point: 'answerable', field: 'responsible.person' });
  for (const key of ['name', 'unit', 'target'] as const)
    if (blank(data.indicator?.[key])) missing.push({ point: 'result', field: `indicator.${key}` });
  return missing;
}

/** Checks a proposal against the five-point rule and every other rule, and gives the event data. */
export function validateProposal(data: Proposal, committer: string, region: Region, today: string): CommitmentProposed['data'] {
  const missing = missingPoints(data);
  if (missing.length > 0) throw new IncompleteCommitmentError(missing);
  const commitmentId = check.text('commitmentId', data.commitmentId, { max: 64 });
  if (!partyInForce(region, committer, today)) throw new ValidationError('committer', `province ${committer} is not a member or partner of the region today`);
  const counterparties = data.counterparties.map((code, i) => {
    if (code === committer) throw new ValidationError(`counterpartyProvinces[${i}]`, 'a province cannot make a commitment to itself');
    if (!partyInForce(region, code, today))
      throw new ValidationError(`counterpartyProvinces[${i}]`, `province ${code} is not a member or partner of the region today`);
    return code;
  });
  if (new Set(counterparties).size !== counterparties.length) throw new ValidationError('counterpartyProvinces', 'must not repeat a province');
  const deadline = check.date('deadline', data.deadline);
  if (deadline <= today) throw new ValidationError('deadline', `must be after the day of the proposal (${today})`);
  const indicator = {
    name: check.text('indicator.name', data.indicator?.name, { max: 200 }),
    unit: check.text('indicator.unit', data.indicator?.unit, { max: 50 }),
    baseline: check.number('indicator.baseline', data.indicator?.baseline ?? 0),
    target: check.number('indicator.target', data.indicator?.target),
  };
  if (indicator.target === indicator.baseline) throw new ValidationError('indicator.target', 'must differ from the baseline: a promise must change something measurable');
  if (data.projectId !== undefined && !region.projects[data.projectId]) throw new ValidationError('projectId', `no registered project ${data.projectId}`);
  const titleEn = check.optionalText('titleEn', data.titleEn, { max: 300 });
  return {
    commitmentId,
    committer,
    counterparties,
    track: check.oneOf('track', data.track, TRACKS),
    ...(data.projectId !== undefined && { projectId: data.projectId }),
    title: check.text('title', data.title, { max: 300 }),
    ...(titleEn && { titleEn }),
    description: check.optionalText('description', data.description, { max: 5000 }) ?? '',
    responsible: {
      agency: check.text('responsible.agency', data.responsible?.agency, { max: 200 }),
      person: check.text('responsible.person', data.responsible?.person, { max: 200 }),
    },
    indicator,
    deadline,
    ...(data.budget && {
      budget: { amountVnd: check.vnd('budget.amountVnd', data.budget.amountVnd), source: check.oneOf('budget.source', data.budget.source, BUDGET_SOURCES) },
    }),
    ...(data.sourceDocument && { sourceDocument: legalBasis('sourceDocument', data.sourceDocument) }),
    proposedOn: today,
  };
}
