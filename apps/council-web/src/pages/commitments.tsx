import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { type CommitmentStatus, COMMITMENTS, PROVINCES, type ProvinceRef, type ScheduleStatus, STATUSES, type Track, TRACKS } from '../api.js';
import { ColumnHeads, PageHeader, ScheduleBadge, StatusBadge, TableScroll, useLiveQuery } from '../components.js';
import { useI18n, useProvinceName } from '../i18n.js';
import { Link } from '../router.js';

interface Row {
  id: string;
  title: string;
  titleEn: string | null;
  track: Track;
  status: CommitmentStatus;
  schedule: ScheduleStatus;
  deadline: string;
  committer: ProvinceRef;
  counterparties: ProvinceRef[];
  indicator: { unit: string; target: number; actual: number | null; progress: number | null };
}
interface Page {
  commitments: { edges: { cursor: string; node: Row }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

const PAGE_SIZE = 20;

export function CommitmentsPage() {
  const { t, te } = useI18n();
  const name = useProvinceName();
  const [provinces] = useQuery<{ provinces: (ProvinceRef & { role: string | null })[] }>({ query: PROVINCES });
  const [track, setTrack] = useState<Track | ''>('');
  const [status, setStatus] = useState<CommitmentStatus | ''>('');
  const [province, setProvince] = useState('');
  const [role, setRole] = useState<'' | 'COMMITTER' | 'COUNTERPARTY'>('');
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const filter = useMemo(
    () => ({ ...(track && { track }), ...(status && { status }), ...(province && { province, ...(role && { role }) }) }),
    [track, status, province, role],
  );
  const reset = () => setPages([null]);
  return (
    <>
      <PageHeader title={t('list.title')}>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field inline">
            <label htmlFor="filter-track">{t('list.filterTrack')}</label>
            <select id="filter-track" value={track} onChange={(e) => (setTrack(e.target.value as Track | ''), reset())}>
              <option value="">{t('common.all')}</option>
              {TRACKS.map((tr) => (
                <option key={tr} value={tr}>
                  {te('track', tr)}
                </option>
              ))}
            </select>
          </div>
          <div className="field inline">
            <label htmlFor="filter-status">{t('list.filterStatus')}</label>
            <select id="filter-status" value={status} onChange={(e) => (setStatus(e.target.value as CommitmentStatus | ''), reset())}>
              <option value="">{t('common.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {te('status', s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field inline">
            <label htmlFor="filter-province">{t('list.filterProvince')}</label>
            <select id="filter-province" value={province} onChange={(e) => (setProvince(e.target.value), reset())}>
              <option value="">{t('common.all')}</option>
              {(provinces.data?.provinces ?? [])
                .filter((p) => p.role)
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {name(p)} ({p.code})
                  </option>
                ))}
            </select>
          </div>
          {province && (
            <div className="field inline">
              <label htmlFor="filter-role">{t('list.role')}</label>
              <select id="filter-role" value={role} onChange={(e) => (setRole(e.target.value as typeof role), reset())}>
                <option value="">{t('common.all')}</option>
                <option value="COMMITTER">{t('list.COMMITTER')}</option>
                <option value="COUNTERPARTY">{t('list.COUNTERPARTY')}</option>
              </select>
            </div>
          )}
        </form>
      </PageHeader>
      <TableScroll>
        <table>
          <ColumnHeads columns={['field.title', 'field.track', 'field.committer', 'field.counterparties', 'field.status', 'field.schedule', 'field.deadline', 'field.progress']} />
          {pages.map((after, index) => (
            <CommitmentPage
              key={`${after ?? 'first'}-${JSON.stringify(filter)}`}
              filter={filter}
              after={after}
              last={index === pages.length - 1}
              onMore={(cursor) => setPages((p) => [...p, cursor])}
            />
          ))}
        </table>
      </TableScroll>
    </>
  );
}

function CommitmentPage({ filter, after, last, onMore }: { filter: Record<string, string>; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const { t, te, date, percent } = useI18n();
  const name = useProvinceName();
  const variables = useMemo(() => ({ filter, first: PAGE_SIZE, after }), [filter, after]);
  const [result] = useLiveQuery<Page>(COMMITMENTS, variables);
  if (!result.data)
    return (
      <tbody>
        <tr>
          <td colSpan={8} role={result.error ? 'alert' : 'status'}>
            {result.error ? `${t('common.error')}: ${result.error.message}` : t('common.loading')}
          </td>
        </tr>
      </tbody>
    );
  const { commitments } = result.data;
  return (
    <tbody>
            {commitments.edges.length === 0 && after === null && (
              <tr>
                <td colSpan={8}>{t('list.empty')}</td>
              </tr>
            )}
            {commitments.edges.map(({ node: c }) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/commitments/${c.id}`}>{c.title}</Link>
                </td>
                <td>{te('track', c.track)}</td>
                <td>{name(c.committer)}</td>
                <td>{c.counterparties.map(name).join(', ')}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>
                  <ScheduleBadge schedule={c.schedule} />
                </td>
                <td>{date(c.deadline)}</td>
                <td>{percent(c.indicator.progress)}</td>
              </tr>
            ))}
            {last && commitments.pageInfo.hasNextPage && commitments.pageInfo.endCursor && (
              <tr>
                <td colSpan={8}>
                  <button type="button" onClick={() => onMore(commitments.pageInfo.endCursor!)}>
                    {t('common.more')}
                  </button>
                </td>
              </tr>
            )}
    </tbody>
  );
}
