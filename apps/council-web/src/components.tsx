import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { AnyVariables, DocumentInput, UseQueryResponse } from 'urql';
import { useQuery } from 'urql';
import type { CommitmentStatus, ProvinceView, ScheduleStatus } from './api.js';
import { addDays, daysBetween, endOfVietnamDay, vietnamToday } from './format.js';
import { useI18n } from './i18n.js';
import type { MessageKey } from './messages.js';
import { useSession } from './session.js';

/** A query that refetches whenever `dashboardsChanged` says the read models moved. */
export function useLiveQuery<Data, Variables extends AnyVariables = AnyVariables>(
  query: DocumentInput<Data, Variables>,
  variables?: Variables,
  pause = false,
): UseQueryResponse<Data, Variables> {
  const { changes } = useSession();
  const response = useQuery<Data, Variables>({ query, variables: variables as Variables, pause });
  const reexecute = response[1];
  useEffect(() => {
    if (changes > 0) reexecute({ requestPolicy: 'network-only' });
  }, [changes, reexecute]);
  return response;
}

/** Loading, failed, or the content. */
export function Loaded<T>({ result, children }: { result: { fetching: boolean; error?: { message: string }; data?: T }; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (result.data) return <>{children(result.data)}</>;
  if (result.error)
    return (
      <p role="alert" className="error">
        {t('common.error')}: {result.error.message}
      </p>
    );
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

export function Figure({ label, value, testId, tone }: { label: string; value: ReactNode; testId?: string; tone?: 'bad' | 'good' | 'warn' }) {
  return (
    <div className={`figure${tone ? ` figure-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

export function StatusBadge({ status }: { status: CommitmentStatus }) {
  const { te } = useI18n();
  return <span className={`badge status-${status.toLowerCase()}`}>{te('status', status)}</span>;
}

export function ScheduleBadge({ schedule }: { schedule: ScheduleStatus }) {
  const { te } = useI18n();
  return <span className={`badge schedule-${schedule.toLowerCase()}`}>{te('schedule', schedule)}</span>;
}

/** The first day the slider reaches: the council first met on 18 July 2023. */
export const COUNCIL_FIRST_MET = '2023-07-18';

/**
 * Time travel: a slider over the days from the council's first meeting to today. Moving
 * it asks the dashboards for that day's end (Việt Nam time); "now" follows the present.
 */
export function AsOfSlider({ asOf, onChange }: { asOf: string | null; onChange: (asOf: string | null) => void }) {
  const { t, date } = useI18n();
  const today = vietnamToday();
  const span = daysBetween(COUNCIL_FIRST_MET, today);
  const committedDay = asOf ? asOf.slice(0, 10) : today;
  const [day, setDay] = useState(committedDay);
  useEffect(() => setDay(committedDay), [committedDay]);
  useEffect(() => {
    if (day === committedDay) return;
    const timer = setTimeout(() => onChange(day === today ? null : endOfVietnamDay(day)), 250);
    return () => clearTimeout(timer);
  }, [day, committedDay, today, onChange]);
  return (
    <div className="as-of">
      <label htmlFor="as-of">{t('asOf.label')}</label>
      <input
        id="as-of"
        type="range"
        min={0}
        max={span}
        step={1}
        value={daysBetween(COUNCIL_FIRST_MET, day)}
        aria-valuetext={date(day)}
        onChange={(event) => setDay(addDays(COUNCIL_FIRST_MET, Number(event.target.value)))}
      />
      <output htmlFor="as-of" data-testid="as-of-day" aria-live="polite">
        {day === today ? `${t('asOf.now')} (${date(today)})` : date(day)}
      </output>
      {asOf && (
        <button type="button" onClick={() => onChange(null)}>
          {t('asOf.backToNow')}
        </button>
      )}
    </div>
  );
}

/** A page's heading and the line under it. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </header>
  );
}

/** Dashboards count a merged province as its successor (default) or as the party it was then. */
export function ProvinceViewSwitch({ view, onChange }: { view: ProvinceView; onChange: (view: ProvinceView) => void }) {
  const { t, te } = useI18n();
  return (
    <div className="field inline">
      <label htmlFor="province-view">{t('view.label')}</label>
      <select id="province-view" value={view} onChange={(e) => onChange(e.target.value as ProvinceView)}>
        {(['AS_THEY_ARE', 'AS_THEY_WERE'] as const).map((v) => (
          <option key={v} value={v}>
            {te('view', v)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What the overview and track pages share as the user moves between them: the moment and the province view. */
export interface DashboardLens {
  readonly asOf: string | null;
  readonly view: ProvinceView;
  setAsOf(asOf: string | null): void;
  setView(view: ProvinceView): void;
}

/** A table's head: one column header per message key, in order. */
export function ColumnHeads({ columns }: { columns: readonly MessageKey[] }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {columns.map((key) => (
          <th key={key} scope="col">
            {t(key)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A wide table's own scrolling box. When the table is wider than the screen (a phone),
 * the box scrolls sideways instead of the page, and becomes a labelled region in the Tab
 * order so it can be scrolled with the arrow keys (WCAG 2.1.1); otherwise it is no stop.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      if (element.scrollWidth <= element.clientWidth + 1) return setLabel(null);
      // Named after its table's caption, its section's heading, or the page's.
      const named =
        element.querySelector('caption') ??
        element.closest('section')?.querySelector('h2, h3') ??
        document.querySelector('main h1');
      setLabel(named?.textContent?.trim() || '—');
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table) observer.observe(table);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="table-scroll" {...(label !== null ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}
