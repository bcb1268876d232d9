import { useMemo } from 'react';
import { OVERVIEW, type RegionOverview, SCHEDULES, type ScheduleStatus, type TrackSummary, type UpcomingDeadline } from '../api.js';
import { Chart, type ChartOption } from '../chart.js';
import { AsOfSlider, ColumnHeads, type DashboardLens, Figure, Loaded, PageHeader, ProvinceViewSwitch, ScheduleBadge, TableScroll, useLiveQuery } from '../components.js';
import { type I18n, useI18n, useProvinceName } from '../i18n.js';
import { Link } from '../router.js';

interface OverviewData {
  regionOverview: RegionOverview;
  transport: { upcomingDeadlines: UpcomingDeadline[] };
  health: { upcomingDeadlines: UpcomingDeadline[] };
  workforce: { upcomingDeadlines: UpcomingDeadline[] };
}

export const SCHEDULE_COLOURS: Record<ScheduleStatus, string> = {
  IN_TERM: '#2b6cb0',
  DUE_SOON: '#b7791f',
  AT_RISK: '#c05621',
  OVERDUE: '#c53030',
  DONE_ON_TIME: '#2f855a',
  DONE_LATE: '#6b8e23',
  CLOSED: '#718096',
};

const countOf = (track: TrackSummary, schedule: ScheduleStatus) => track.bySchedule.find((s) => s.schedule === schedule)?.count ?? 0;
const sum = (tracks: TrackSummary[], pick: (t: TrackSummary) => number) => tracks.reduce((total, t) => total + pick(t), 0);

export function OverviewPage({ lens }: { lens: DashboardLens }) {
  const { t, date } = useI18n();
  const { asOf, view } = lens;
  const variables = useMemo(() => ({ asOf, provinces: view }), [asOf, view]);
  const [result] = useLiveQuery<OverviewData>(OVERVIEW, variables);
  return (
    <>
      <PageHeader title={t('overview.title')}>
        <AsOfSlider asOf={asOf} onChange={lens.setAsOf} />
        <ProvinceViewSwitch view={view} onChange={lens.setView} />
      </PageHeader>
      <Loaded result={result}>
        {(data) => (
          <>
            <p className="muted">
              {t('asOf.showing')} {date(data.regionOverview.asOfDay)}
            </p>
            <Overview data={data} />
          </>
        )}
      </Loaded>
    </>
  );
}

function Overview({ data }: { data: OverviewData }) {
  const i18n = useI18n();
  const { t, te, number, vnd } = i18n;
  const { tracks, overdue, matrix } = data.regionOverview;
  const budget = tracks.reduce((total, tr) => total + BigInt(tr.budget.budgetVnd), 0n);
  const disbursed = tracks.reduce((total, tr) => total + BigInt(tr.budget.disbursedVnd), 0n);
  const deadlines = [...data.transport.upcomingDeadlines, ...data.health.upcomingDeadlines, ...data.workforce.upcomingDeadlines].sort(
    (a, b) => a.daysLeft - b.daysLeft,
  );
  const option = useMemo(() => statusChart(tracks, i18n), [tracks, i18n]);
  return (
    <>
      <section aria-labelledby="figures">
        <h2 id="figures" className="visually-hidden">
          {t('overview.total')}
        </h2>
        <dl className="figures">
          <Figure label={t('overview.total')} value={number(sum(tracks, (tr) => tr.total))} testId="figure-total" />
          <Figure label={t('overview.onTime')} value={number(sum(tracks, (tr) => countOf(tr, 'DONE_ON_TIME')))} testId="figure-on-time" tone="good" />
          <Figure label={t('overview.overdue')} value={number(overdue.length)} testId="figure-overdue" tone="bad" />
          <Figure label={t('overview.dueSoon')} value={number(deadlines.length)} testId="figure-due-soon" tone="warn" />
          <Figure label={t('track.budgetTotal')} value={vnd(budget.toString())} testId="figure-budget" />
          <Figure label={t('track.disbursed')} value={vnd(disbursed.toString())} testId="figure-disbursed" />
        </dl>
      </section>
      <section aria-labelledby="by-track">
        <h2 id="by-track">{t('overview.byTrack')}</h2>
        <Chart option={option} label={t('overview.byTrack')} height={220} />
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('field.track')}</th>
                <th scope="col">{t('overview.total')}</th>
                {SCHEDULES.map((s) => (
                  <th scope="col" key={s}>
                    {te('schedule', s)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tracks.map((tr) => (
                <tr key={tr.track}>
                  <th scope="row">
                    <Link to={`/tracks/${tr.track.toLowerCase()}`}>{te('track', tr.track)}</Link>
                  </th>
                  <td data-testid={`track-total-${tr.track}`}>{number(tr.total)}</td>
                  {SCHEDULES.map((s) => (
                    <td key={s}>{number(countOf(tr, s))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <Matrix matrix={matrix} />
      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{t('overview.deadlines')}</h2>
        <Deadlines deadlines={deadlines} />
      </section>
      <section aria-labelledby="overdue">
        <h2 id="overdue">{t('overview.overdueList')}</h2>
        <OverdueList overdue={overdue} />
      </section>
    </>
  );
}

function statusChart(tracks: TrackSummary[], { te }: I18n): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 90, right: 16, top: 8, bottom: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: tracks.map((tr) => te('track', tr.track)) },
    series: SCHEDULES.map((s) => ({
      type: 'bar' as const,
      stack: 'total',
      name: te('schedule', s),
      itemStyle: { color: SCHEDULE_COLOURS[s] },
      data: tracks.map((tr) => countOf(tr, s)),
    })),
  };
}

function Matrix({ matrix }: { matrix: RegionOverview['matrix'] }) {
  const { t, number } = useI18n();
  const name = useProvinceName();
  const count = (from: string, to: string) => matrix.cells.find((c) => c.committer === from && c.counterparty === to)?.count ?? 0;
  return (
    <section aria-labelledby="matrix">
      <h2 id="matrix">{t('overview.matrix')}</h2>
      <TableScroll>
        <table className="matrix">
          <caption>{t('overview.matrixCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.committer')}</th>
              {matrix.provinces.map((p) => (
                <th scope="col" key={p.code}>
                  {name(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.provinces.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <Link to={`/provinces/${row.code}`}>{name(row)}</Link>
                </th>
                {matrix.provinces.map((col) => {
                  const n = count(row.code, col.code);
                  return (
                    <td key={col.code} data-testid={`cell-${row.code}-${col.code}`} className={n > 0 ? 'cell-some' : 'cell-none'}>
                      {n > 0 ? number(n) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export function Deadlines({ deadlines }: { deadlines: UpcomingDeadline[] }) {
  const { t, date, number } = useI18n();
  const name = useProvinceName();
  if (deadlines.length === 0) return <p className="muted">{t('common.none')}</p>;
  return (
    <TableScroll>
      <table>
        <ColumnHeads columns={['field.deadline', 'field.title', 'field.committer', 'field.schedule']} />
        <tbody>
          {deadlines.map((d) => (
            <tr key={d.id}>
              <td>
                {date(d.deadline)} <span className="muted">({number(d.daysLeft)} {t('common.days')})</span>
              </td>
              <td>
                <Link to={`/commitments/${d.id}`}>{d.title}</Link>
              </td>
              <td>{name(d.committer)}</td>
              <td>
                <ScheduleBadge schedule={d.schedule} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function OverdueList({ overdue }: { overdue: RegionOverview['overdue'] }) {
  const { t, te, date, number } = useI18n();
  const name = useProvinceName();
  if (overdue.length === 0) return <p className="muted">{t('common.none')}</p>;
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('field.title')}</th>
            <th scope="col">{t('field.track')}</th>
            <th scope="col">{t('field.committer')}</th>
            <th scope="col">{t('field.counterparties')}</th>
            <th scope="col">{t('field.deadline')}</th>
            <th scope="col">{t('overview.daysOverdue')}</th>
            <th scope="col">{t('overview.lastReport')}</th>
          </tr>
        </thead>
        <tbody>
          {overdue.map((o) => (
            <tr key={o.id}>
              <td>
                <Link to={`/commitments/${o.id}`}>{o.title}</Link>
              </td>
              <td>{te('track', o.track)}</td>
              <td>{name(o.committer)}</td>
              <td>{o.counterparties.map(name).join(', ')}</td>
              <td>{date(o.deadline)}</td>
              <td>{number(o.daysOverdue)}</td>
              <td>{o.lastReportedAt ? date(o.lastReportedAt) : <em>{t('overview.noReport')}</em>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
