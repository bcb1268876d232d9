import type { CommitmentView } from '@council/commitments/read-models';
import { provinceName as nameOn, type Region } from '@council/region/domain';

/**
 * Commitments shaped after the open-data standards integrators already read: IATI
 * activities (with budgets, disbursement transactions and results) and OCDS releases
 * (with milestones and implementation transactions). Field by field: docs/open-data.md.
 * VND amounts are exact integers written as JSON numbers (JSON.rawJSON), never rounded.
 */
const REPORTING_ORG = { ref: 'VN-SERC', type: '10', narrative: [{ lang: 'vi', text: 'Hội đồng điều phối vùng Đông Nam Bộ' }, { lang: 'en', text: 'Southeast Region Coordination Council' }] };

const exact = (amountVnd: string): unknown => (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(/^\d+$/.test(amountVnd) ? amountVnd : '0');

const IATI_STATUS: Record<CommitmentView['status'], string> = {
  proposed: '1', active: '2', fulfillment_claimed: '2', fulfilled: '3', declined: '5', withdrawn: '5', cancelled: '5',
};

/** Disbursements: reports carry the running total, so each increase is one transaction. */
export function disbursements(view: CommitmentView): { date: string; amountVnd: string }[] {
  const out: { date: string; amountVnd: string }[] = [];
  let total = 0n;
  for (const r of view.reports) {
    if (r.disbursedVnd === undefined || !/^\d+$/.test(r.disbursedVnd)) continue;
    const now = BigInt(r.disbursedVnd);
    if (now > total) out.push({ date: r.reportedFor, amountVnd: String(now - total) });
    total = now > total ? now : total;
  }
  return out;
}

/** Named as the province was when the commitment was proposed: each keeps its original parties. */
const provinceName = (region: Region, code: string, on = '9999-12-31') => nameOn(region, code, on)?.name ?? code;
const narrative = (vi: string, en?: string) => [{ lang: 'vi', text: vi }, ...(en ? [{ lang: 'en', text: en }] : [])];

export function iatiActivity(view: CommitmentView, region: Region): unknown {
  const done = view.fulfilment?.verifiedAt.slice(0, 10);
  return {
    'iati-identifier': `VN-SERC-${view.id}`,
    'reporting-org': REPORTING_ORG,
    title: { narrative: narrative(view.title, view.titleEn) },
    description: [{ type: '1', narrative: narrative(view.description) }],
    'participating-org': [
      { role: '2', ref: `VN-PROVINCE-${view.committer}`, narrative: narrative(provinceName(region, view.committer)) },
      { role: '4', narrative: narrative(`${view.responsible.agency} — ${view.responsible.person}`) },
    ],
    'activity-status': { code: IATI_STATUS[view.status] },
    'activity-date': [
      { type: '1', 'iso-date': view.proposedOn },
      ...(view.activatedOn ? [{ type: '2', 'iso-date': view.activatedOn }] : []),
      { type: '3', 'iso-date': view.deadline },
      ...(done ? [{ type: '4', 'iso-date': done }] : []),
    ],
    'recipient-region': view.counterparties.map((c) => ({ vocabulary: '99', code: c.code, narrative: narrative(provinceName(region, c.code)) })),
    sector: [{ vocabulary: '99', code: view.track, narrative: narrative(view.track) }],
    budget: [
      ...(view.originalBudget ? [{ type: '1', status: '2', 'period-start': view.proposedOn, 'period-end': view.originalDeadline, value: { currency: 'VND', 'value-date': view.proposedOn, amount: exact(view.originalBudget.amountVnd) } }] : []),
      ...(view.budgetVnd && view.budgetVnd !== view.originalBudget?.amountVnd ? [{ type: '2', status: '2', 'period-start': view.proposedOn, 'period-end': view.deadline, value: { currency: 'VND', 'value-date': view.proposedOn, amount: exact(view.budgetVnd) } }] : []),
    ],
    transaction: disbursements(view).map((d) => ({ 'transaction-type': { code: '3' }, 'transaction-date': { 'iso-date': d.date }, value: { currency: 'VND', 'value-date': d.date, amount: exact(d.amountVnd) } })),
    result: [
      {
        type: '1',
        title: { narrative: narrative(view.indicator.name) },
        indicator: [
          {
            measure: '1',
            ascending: view.indicator.target >= view.indicator.baseline ? '1' : '0',
            title: { narrative: narrative(view.indicator.name) },
            baseline: { year: view.proposedOn.slice(0, 4), 'iso-date': view.proposedOn, value: view.indicator.baseline, dimension: [{ name: 'unit', value: view.indicator.unit }] },
            period: [
              {
                'period-start': { 'iso-date': view.activatedOn ?? view.proposedOn },
                'period-end': { 'iso-date': view.deadline },
                target: { value: view.indicator.target },
                ...(view.indicator.actual !== null && { actual: { value: view.indicator.actual } }),
              },
            ],
          },
        ],
      },
    ],
    ...(view.sourceDocument && {
      'document-link': [{ format: 'text/html', url: view.sourceDocument.url ?? '', title: { narrative: narrative(`${view.sourceDocument.number} (${view.sourceDocument.issuer})`) }, 'document-date': { 'iso-date': view.sourceDocument.date } }],
    }),
  };
}

const OCDS_MILESTONE_STATUS = (view: CommitmentView, today: string) =>
  view.status === 'fulfilled' ? 'met' : ['declined', 'withdrawn', 'cancelled'].includes(view.status) ? 'notMet' : view.deadline < today ? 'notMet' : 'scheduled';

export function ocdsRelease(view: CommitmentView, region: Region, today: string): unknown {
  const party = (code: string, roles: string[]) => ({ id: `VN-PROVINCE-${code}`, name: provinceName(region, code), roles });
  return {
    ocid: `ocds-serc-${view.id}`,
    id: `${view.id}-${view.revision}`,
    date: view.fulfilment?.verifiedAt ?? view.reports[view.reports.length - 1]?.recordedAt ?? `${view.proposedOn}T00:00:00Z`,
    tag: ['implementation'],
    initiationType: 'tender',
    language: 'vi',
    parties: [party(view.committer, ['supplier']), ...view.counterparties.map((c) => party(c.code, ['buyer']))],
    buyer: view.counterparties[0] && { id: `VN-PROVINCE-${view.counterparties[0].code}`, name: provinceName(region, view.counterparties[0].code) },
    planning: {
      rationale: view.description,
      ...(view.budgetVnd && { budget: { amount: { amount: exact(view.budgetVnd), currency: 'VND' }, ...(view.originalBudget && { description: `source: ${view.originalBudget.source}` }) } }),
      ...(view.sourceDocument && { documents: [{ id: view.sourceDocument.number, documentType: 'plannedProcurementNotice', title: `${view.sourceDocument.number} (${view.sourceDocument.issuer})`, datePublished: view.sourceDocument.date, ...(view.sourceDocument.url && { url: view.sourceDocument.url }) }] }),
    },
    contracts: [
      {
        id: view.id,
        title: view.title,
        description: view.description,
        status: view.status === 'proposed' ? 'pending' : ['declined', 'withdrawn', 'cancelled'].includes(view.status) ? 'cancelled' : view.status === 'fulfilled' ? 'terminated' : 'active',
        period: { startDate: view.activatedOn ?? view.proposedOn, endDate: view.deadline },
        ...(view.budgetVnd && { value: { amount: exact(view.budgetVnd), currency: 'VND' } }),
        milestones: [
          {
            id: `${view.id}-deadline`,
            title: `${view.indicator.name}: ${view.indicator.target} ${view.indicator.unit}`,
            type: 'delivery',
            dueDate: view.deadline,
            status: OCDS_MILESTONE_STATUS(view, today),
            ...(view.fulfilment && { dateMet: view.fulfilment.verifiedAt }),
          },
        ],
        implementation: {
          transactions: disbursements(view).map((d, i) => ({ id: `${view.id}-disbursement-${i + 1}`, date: d.date, value: { amount: exact(d.amountVnd), currency: 'VND' }, payer: { id: `VN-PROVINCE-${view.committer}`, name: provinceName(region, view.committer) } })),
          milestones: view.reports.map((r, i) => ({
            id: `${view.id}-report-${i + 1}`,
            title: `${view.indicator.name}: ${r.value} ${view.indicator.unit}`,
            type: 'reporting',
            dueDate: r.reportedFor,
            dateMet: r.recordedAt,
            status: 'met',
            ...(r.note && { description: r.note }),
          })),
        },
      },
    ],
  };
}
