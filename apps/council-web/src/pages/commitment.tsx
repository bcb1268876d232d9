import { useMemo } from 'react';
import { type Commitment, COMMITMENT } from '../api.js';
import { Loaded, PageHeader, ScheduleBadge, StatusBadge, useLiveQuery } from '../components.js';
import { useI18n, useProvinceName } from '../i18n.js';
import { CommitmentActions } from './actions.js';

export function CommitmentDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const variables = useMemo(() => ({ id }), [id]);
  const [result, refetch] = useLiveQuery<{ commitment: Commitment }>(COMMITMENT, variables);
  const notFound = result.error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'NOT_FOUND');
  if (notFound)
    return (
      <>
        <PageHeader title={t('detail.title')} />
        <p role="alert">{t('detail.notFound')}</p>
      </>
    );
  return (
    <Loaded result={result}>
      {({ commitment }) => <Detail commitment={commitment} onChanged={() => refetch({ requestPolicy: 'network-only' })} />}
    </Loaded>
  );
}

function Detail({ commitment: c, onChanged }: { commitment: Commitment; onChanged: () => void }) {
  const { t, te, date, dateTime, number, percent, vnd, locale } = useI18n();
  const name = useProvinceName();
  const title = locale === 'en' && c.titleEn ? c.titleEn : c.title;
  return (
    <>
      <PageHeader title={title}>
        <p className="badges">
          <span className="badge">{te('track', c.track)}</span> <StatusBadge status={c.status} /> <ScheduleBadge schedule={c.schedule} />{' '}
          <span className="badge">
            {t('field.evidence')}: {te('evidence', c.evidence)}
          </span>
        </p>
      </PageHeader>
      <div className="columns">
        <section aria-labelledby="what">
          <h2 id="what" className="visually-hidden">
            {t('detail.title')}
          </h2>
          <p>{c.description}</p>
          <dl className="facts">
            <dt>{t('field.committer')}</dt>
            <dd data-testid="detail-committer">{name(c.committer)}</dd>
            <dt>{t('field.counterparties')}</dt>
            <dd>
              {c.counterparties.map((p) => (
                <span key={p.code} className="party">
                  {name(p)} {p.accepted ? '✓' : '…'}
                </span>
              ))}
            </dd>
            <dt>{t('field.responsible')}</dt>
            <dd>
              {c.responsible.agency}; {c.responsible.person}
            </dd>
            <dt>{t('field.indicator')}</dt>
            <dd>
              {c.indicator.name}: {number(c.indicator.actual)} / {number(c.indicator.target)} {c.indicator.unit} ({percent(c.indicator.progress)})
            </dd>
            <dt>{t('field.budget')}</dt>
            <dd>
              {c.budgetVnd ? `${vnd(c.disbursedVnd ?? '0')} / ${vnd(c.budgetVnd)}${c.budgetSource ? ` · ${te('source', c.budgetSource)}` : ''}` : '—'}
            </dd>
            {c.sourceDocument && (
              <>
                <dt>{t('field.source')}</dt>
                <dd>
                  {c.sourceDocument.url ? <a href={c.sourceDocument.url}>{c.sourceDocument.number}</a> : c.sourceDocument.number}, {date(c.sourceDocument.date)},{' '}
                  {c.sourceDocument.issuer}
                </dd>
              </>
            )}
            <dt>{t('field.revision')}</dt>
            <dd>{c.revision}</dd>
          </dl>
          <table className="compare">
            <caption className="visually-hidden">
              {t('field.original')} / {t('field.current')}
            </caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{t('field.original')}</th>
                <th scope="col">{t('field.current')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('field.deadline')}</th>
                <td data-testid="original-deadline">{date(c.originalDeadline)}</td>
                <td data-testid="current-deadline" className={c.deadline !== c.originalDeadline ? 'changed' : undefined}>
                  {date(c.deadline)}
                </td>
              </tr>
              <tr>
                <th scope="row">{t('field.target')}</th>
                <td>
                  {number(c.indicator.originalTarget)} {c.indicator.unit}
                </td>
                <td className={c.indicator.target !== c.indicator.originalTarget ? 'changed' : undefined}>
                  {number(c.indicator.target)} {c.indicator.unit}
                </td>
              </tr>
              {(c.budgetVnd || c.originalBudgetVnd) && (
                <tr>
                  <th scope="row">{t('field.budget')}</th>
                  <td>{vnd(c.originalBudgetVnd)}</td>
                  <td className={c.budgetVnd !== c.originalBudgetVnd ? 'changed' : undefined}>{vnd(c.budgetVnd)}</td>
                </tr>
              )}
            </tbody>
          </table>
          {c.pendingExtension && (
            <p className="notice">
              {t('detail.pendingExtension')}: {date(c.pendingExtension.newDeadline)} — {c.pendingExtension.reason}
            </p>
          )}
          <CommitmentActions commitment={c} onChanged={onChanged} />
        </section>
        <section aria-labelledby="timeline">
          <h2 id="timeline">{t('detail.timeline')}</h2>
          <ol className="timeline" data-testid="timeline">
            {c.history.map((e) => (
              <li key={e.position}>
                <strong>{te('event', e.type)}</strong>
                <span className="muted">
                  {' '}
                  · <time dateTime={e.effectiveAt}>{dateTime(e.effectiveAt)}</time>
                  {e.actor?.name && (
                    <>
                      {' '}
                      · {t('detail.by')} {e.actor.name}
                    </>
                  )}
                </span>
                <EventDetails data={e.data} />
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}

/** The few facts of an event a reader wants inline: value, deadline, reason or note. */
function EventDetails({ data }: { data: Record<string, unknown> }) {
  const { number, date, vnd } = useI18n();
  const parts: string[] = [];
  if (typeof data['value'] === 'number') parts.push(number(data['value']));
  if (typeof data['disbursedVnd'] === 'string') parts.push(vnd(data['disbursedVnd']));
  if (typeof data['newDeadline'] === 'string') parts.push(date(data['newDeadline']));
  for (const key of ['reason', 'note'])
    if (typeof data[key] === 'string' && data[key]) parts.push(`“${data[key] as string}”`);
  return parts.length > 0 ? <div className="event-details">{parts.join(' · ')}</div> : null;
}
