import { useMemo } from 'react';
import { SCHEDULES, type Track, TRACK_DASHBOARD, type TrackDashboard, TRACKS } from '../api.js';
import { Chart, type ChartOption } from '../chart.js';
import { AsOfSlider, type DashboardLens, Figure, Loaded, PageHeader, ProvinceViewSwitch, TableScroll, useLiveQuery } from '../components.js';
import { useI18n, useProvinceName } from '../i18n.js';
import { Link } from '../router.js';
import { Deadlines, SCHEDULE_COLOURS } from './overview.js';

export function TrackNav({ current }: { current?: Track }) {
  const { t, te } = useI18n();
  return (
    <nav aria-label={t('nav.tracks')} className="tabs">
      {TRACKS.map((track) => (
        <Link key={track} to={`/tracks/${track.toLowerCase()}`} className={track === current ? 'tab tab-current' : 'tab'}>
          {te('track', track)}
        </Link>
      ))}
    </nav>
  );
}

/** Share of the way from baseline to target over reported commitments (1 = reached). */
const progressOf = (i: TrackDashboard['indicators'][number]) =>
  i.actual === null || i.target === null || i.baseline === null || i.target === i.baseline ? null : (i.actual - i.baseline) / (i.target - i.baseline);

export function TrackPage({ track, lens }: { track: Track; lens: DashboardLens }) {
  const { t, te, date } = useI18n();
  const { asOf, view } = lens;
  const variables = useMemo(() => ({ track, asOf, provinces: view }), [track, asOf, view]);
  const [result] = useLiveQuery<{ trackDashboard: TrackDashboard }>(TRACK_DASHBOARD, variables);
  return (
    <>
      <PageHeader title={`${t('track.title')}: ${te('track', track)}`}>
        <TrackNav current={track} />
        <AsOfSlider asOf={asOf} onChange={lens.setAsOf} />
        <ProvinceViewSwitch view={view} onChange={lens.setView} />
      </PageHeader>
      <Loaded result={result}>
        {({ trackDashboard }) => (
          <>
            <p className="muted">
              {t('asOf.showing')} {date(trackDashboard.asOfDay)}
            </p>
            <TrackBody dashboard={trackDashboard} />
          </>
        )}
      </Loaded>
    </>
  );
}

/** A track's (or a project's) figures, indicators, money, provinces and deadlines. */
export function TrackBody({ dashboard }: { dashboard: TrackDashboard }) {
  const { t, te, number, percent, vnd } = useI18n();
  const name = useProvinceName();
  const count = (s: string) => dashboard.bySchedule.find((x) => x.schedule === s)?.count ?? 0;
  const indicatorOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => percent(Number(v) / 100) },
      grid: { left: 100, right: 48, top: 8, bottom: 8 },
      xAxis: { type: 'value', max: (v) => Math.max(100, Math.ceil(v.max)), axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: dashboard.indicators.map((i) => i.unit) },
      series: [
        {
          type: 'bar',
          name: t('field.progress'),
          itemStyle: { color: '#2b6cb0' },
          data: dashboard.indicators.map((i) => Math.round((progressOf(i) ?? 0) * 1000) / 10),
          label: { show: true, position: 'right', formatter: (p) => percent(Number(p.value) / 100) },
        },
      ],
    }),
    [dashboard.indicators, t, percent],
  );
  const budgetOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => vnd(String(BigInt(Math.round(Number(v) * 1e9)))) },
      grid: { left: 100, right: 48, top: 8, bottom: 8 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => number(v, 0) } },
      yAxis: { type: 'category', data: [t('track.budgetTotal'), t('track.disbursed')] },
      series: [
        {
          type: 'bar',
          data: [
            { value: Number(BigInt(dashboard.budget.budgetVnd) / 1_000_000n) / 1000, itemStyle: { color: '#4a5568' } },
            { value: Number(BigInt(dashboard.budget.disbursedVnd) / 1_000_000n) / 1000, itemStyle: { color: '#2f855a' } },
          ],
        },
      ],
    }),
    [dashboard.budget, t, vnd, number],
  );
  return (
    <>
      <dl className="figures">
        <Figure label={t('overview.total')} value={number(dashboard.total)} testId="track-total" />
        <Figure label={t('track.onTimeRate')} value={percent(dashboard.onTimeRate)} tone="good" />
        <Figure label={t('overview.overdue')} value={number(count('OVERDUE'))} tone="bad" />
        <Figure label={t('track.rate')} value={percent(dashboard.budget.disbursementRate)} testId="track-disbursement-rate" />
      </dl>
      <section aria-labelledby="indicators">
        <h2 id="indicators">{t('track.indicators')}</h2>
        <Chart option={indicatorOption} label={t('track.indicators')} height={Math.max(120, dashboard.indicators.length * 48)} />
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('track.unit')}</th>
                <th scope="col">{t('field.baseline')}</th>
                <th scope="col">{t('track.originalTarget')}</th>
                <th scope="col">{t('track.target')}</th>
                <th scope="col">{t('track.actual')}</th>
                <th scope="col">{t('field.progress')}</th>
                <th scope="col">{t('track.reported')}</th>
                <th scope="col">{t('track.noReport')}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.indicators.map((i) => (
                <tr key={i.unit}>
                  <th scope="row">{i.unit}</th>
                  <td>{number(i.baseline)}</td>
                  <td>{number(i.originalTarget)}</td>
                  <td>{number(i.target)}</td>
                  <td>{number(i.actual)}</td>
                  <td>{percent(progressOf(i))}</td>
                  <td>{number(i.reported)}</td>
                  <td>{number(i.noReport)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="budget">
        <h2 id="budget">{t('track.budget')}</h2>
        <Chart option={budgetOption} label={`${t('track.budget')}: ${vnd(dashboard.budget.disbursedVnd)} / ${vnd(dashboard.budget.budgetVnd)}`} height={140} />
        <dl className="figures">
          <Figure label={t('track.budgetTotal')} value={vnd(dashboard.budget.budgetVnd)} testId="track-budget" />
          <Figure label={t('track.disbursed')} value={vnd(dashboard.budget.disbursedVnd)} testId="track-disbursed" />
          <Figure label={t('track.rate')} value={percent(dashboard.budget.disbursementRate)} />
        </dl>
      </section>
      <section aria-labelledby="schedule">
        <h2 id="schedule">{t('track.bySchedule')}</h2>
        <ul className="legend-list">
          {SCHEDULES.map((s) => (
            <li key={s}>
              <span className="swatch" style={{ background: SCHEDULE_COLOURS[s] }} aria-hidden="true" /> {te('schedule', s)}: {number(count(s))}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="provinces">
        <h2 id="provinces">{t('track.byProvince')}</h2>
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('scorecard.province')}</th>
                <th scope="col">{t('track.made')}</th>
                <th scope="col">{t('track.received')}</th>
                <th scope="col">{t('track.active')}</th>
                <th scope="col">{t('track.fulfilled')}</th>
                <th scope="col">{t('overview.overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.byProvince.map((p) => (
                <tr key={p.province.code}>
                  <th scope="row">
                    <Link to={`/provinces/${p.province.code}`}>{name(p.province)}</Link>
                  </th>
                  <td>{number(p.made)}</td>
                  <td>{number(p.received)}</td>
                  <td>{number(p.active)}</td>
                  <td>{number(p.fulfilled)}</td>
                  <td>{number(p.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t('overview.deadlines')}</h2>
        <Deadlines deadlines={dashboard.upcomingDeadlines} />
      </section>
    </>
  );
}
