import { useMemo } from 'react';
import { PROJECT_DASHBOARD, type ProjectDashboard } from '../api.js';
import { AsOfSlider, ColumnHeads, type DashboardLens, Loaded, PageHeader, ProvinceViewSwitch, ScheduleBadge, StatusBadge, TableScroll, useLiveQuery } from '../components.js';
import { useI18n, useProvinceName } from '../i18n.js';
import { Link } from '../router.js';
import { TrackBody } from './track.js';

/** One regional project: its commitments counted as a track is, then listed. */
export function ProjectPage({ id, lens }: { id: string; lens: DashboardLens }) {
  const { t, te, date, locale } = useI18n();
  const { asOf, view } = lens;
  const variables = useMemo(() => ({ id, asOf, provinces: view }), [id, asOf, view]);
  const [result] = useLiveQuery<{ projectDashboard: ProjectDashboard }>(PROJECT_DASHBOARD, variables);
  const project = result.data?.projectDashboard.project;
  const title = project ? (locale === 'en' && project.nameEn ? project.nameEn : project.name) : t('projects.title');
  return (
    <>
      <PageHeader title={title}>
        <AsOfSlider asOf={asOf} onChange={lens.setAsOf} />
        <ProvinceViewSwitch view={view} onChange={lens.setView} />
      </PageHeader>
      <Loaded result={result}>
        {({ projectDashboard: dashboard }) => (
          <>
            <p className="muted">
              <Link to={`/tracks/${dashboard.project.track.toLowerCase()}`}>{te('track', dashboard.project.track.toUpperCase())}</Link> · {t('asOf.showing')}{' '}
              {date(dashboard.asOfDay)}
            </p>
            <ProjectCommitments dashboard={dashboard} />
            <TrackBody dashboard={dashboard} />
          </>
        )}
      </Loaded>
    </>
  );
}

function ProjectCommitments({ dashboard }: { dashboard: ProjectDashboard }) {
  const { t, date, percent } = useI18n();
  const name = useProvinceName();
  return (
    <section aria-labelledby="project-commitments">
      <h2 id="project-commitments">{t('project.commitments')}</h2>
      <TableScroll>
        <table data-testid="project-commitments">
          <ColumnHeads columns={['field.title', 'field.committer', 'field.status', 'field.schedule', 'field.deadline', 'field.progress']} />
          <tbody>
            {dashboard.commitments.length === 0 && (
              <tr>
                <td colSpan={6}>{t('list.empty')}</td>
              </tr>
            )}
            {dashboard.commitments.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/commitments/${c.id}`}>{c.title}</Link>
                </td>
                <td>{name(c.committer)}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>
                  <ScheduleBadge schedule={c.schedule} />
                </td>
                <td>
                  {date(c.deadline)}
                  {c.deadline !== c.originalDeadline && (
                    <span className="muted">
                      {' '}
                      ({t('project.originally')} {date(c.originalDeadline)})
                    </span>
                  )}
                </td>
                <td>{percent(c.indicator.progress)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
