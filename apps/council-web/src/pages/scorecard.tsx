import { useMemo } from 'react';
import { useQuery } from 'urql';
import { type BudgetTotals, PROVINCES, type ProvinceRef, SCORECARD } from '../api.js';
import { Figure, Loaded, PageHeader, useLiveQuery } from '../components.js';
import { useI18n, useProvinceName } from '../i18n.js';
import { Link, useRouter } from '../router.js';

interface Scorecard {
  asOfDay: string;
  province: ProvinceRef;
  made: number;
  received: number;
  internal: number;
  fulfilledOnTime: number;
  fulfilledLate: number;
  inTerm: number;
  dueSoon: number;
  atRisk: number;
  overdue: number;
  cancelled: number;
  fulfilmentRate: number | null;
  averageDelayDays: number | null;
  budget: BudgetTotals;
  noReportSince: { since: string; days: number; commitment: { id: string; title: string } } | null;
  neverReported: { id: string; title: string; deadline: string }[];
}

interface ProvinceRow extends ProvinceRef {
  role: string | null;
  mergedInto: string | null;
}

export function ScorecardPage({ province }: { province: string }) {
  const { t, number, percent, vnd, date } = useI18n();
  const name = useProvinceName();
  const { navigate } = useRouter();
  const [provinces] = useQuery<{ provinces: ProvinceRow[] }>({ query: PROVINCES });
  const variables = useMemo(() => ({ province }), [province]);
  const [result] = useLiveQuery<{ provinceScorecard: Scorecard }>(SCORECARD, variables);
  const choices = (provinces.data?.provinces ?? []).filter((p) => p.role && !p.mergedInto);
  return (
    <>
      <PageHeader title={`${t('scorecard.title')}: ${name(result.data?.provinceScorecard.province)}`}>
        <div className="field inline">
          <label htmlFor="scorecard-province">{t('scorecard.province')}</label>
          <select id="scorecard-province" value={province} onChange={(e) => navigate(`/provinces/${e.target.value}`)}>
            {!choices.some((p) => p.code === province) && <option value={province}>{province}</option>}
            {choices.map((p) => (
              <option key={p.code} value={p.code}>
                {name(p)} ({p.code})
              </option>
            ))}
          </select>
        </div>
      </PageHeader>
      <Loaded result={result}>
        {({ provinceScorecard: s }) => (
          <>
            <p className="muted">
              {t('asOf.showing')} {date(s.asOfDay)}
            </p>
            <dl className="figures">
              <Figure label={t('scorecard.made')} value={number(s.made)} testId="scorecard-made" />
              <Figure label={t('scorecard.received')} value={number(s.received)} />
              <Figure label={t('scorecard.fulfilledOnTime')} value={number(s.fulfilledOnTime)} tone="good" />
              <Figure label={t('scorecard.fulfilledLate')} value={number(s.fulfilledLate)} tone="warn" />
              <Figure label={t('scorecard.inTerm')} value={number(s.inTerm)} />
              <Figure label={t('scorecard.overdue')} value={number(s.overdue)} tone="bad" />
              <Figure label={t('scorecard.cancelled')} value={number(s.cancelled)} />
              <Figure label={t('scorecard.rate')} value={percent(s.fulfilmentRate)} />
              <Figure label={t('scorecard.delay')} value={number(s.averageDelayDays)} />
              <Figure label={t('scorecard.disbursement')} value={`${percent(s.budget.disbursementRate)} (${vnd(s.budget.disbursedVnd)} / ${vnd(s.budget.budgetVnd)})`} />
            </dl>
            {s.noReportSince && (
              <p>
                {t('scorecard.noReportSince')} {date(s.noReportSince.since)} ({number(s.noReportSince.days)} {t('common.days')}):{' '}
                <Link to={`/commitments/${s.noReportSince.commitment.id}`}>{s.noReportSince.commitment.title}</Link>
              </p>
            )}
            <h2>{t('scorecard.neverReported')}</h2>
            {s.neverReported.length === 0 ? (
              <p className="muted">{t('common.none')}</p>
            ) : (
              <ul>
                {s.neverReported.map((c) => (
                  <li key={c.id}>
                    <Link to={`/commitments/${c.id}`}>{c.title}</Link> — {date(c.deadline)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
