import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeProblems, MUTATIONS, PROJECTS, PROVINCES, type ProvinceRef, type Track, TRACKS } from '../api.js';
import { PageHeader } from '../components.js';
import { commandId, Field, FormErrors } from '../forms.js';
import { useI18n, useProvinceName } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import { localizeReason } from '../reasons.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';

const SOURCES = ['PROVINCIAL', 'CENTRAL', 'PPP', 'ODA', 'OTHER'] as const;

interface Values {
  track: Track;
  title: string;
  titleEn: string;
  description: string;
  counterpartyProvinces: string[];
  projectId: string;
  'responsible.agency': string;
  'responsible.person': string;
  'indicator.name': string;
  'indicator.unit': string;
  'indicator.baseline': string;
  'indicator.target': string;
  deadline: string;
  'budget.amountVnd': string;
  'budget.source': string;
}

const EMPTY: Values = {
  track: 'TRANSPORT',
  title: '',
  titleEn: '',
  description: '',
  counterpartyProvinces: [],
  projectId: '',
  'responsible.agency': '',
  'responsible.person': '',
  'indicator.name': '',
  'indicator.unit': '',
  'indicator.baseline': '',
  'indicator.target': '',
  deadline: '',
  'budget.amountVnd': '',
  'budget.source': 'PROVINCIAL',
};

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
const num = (value: string) => (value.trim() === '' ? undefined : Number(value.replace(',', '.')));

/** The proposal as ProposeCommitmentInput: empty fields are left out, so the five-point rule names them. */
export function toProposalInput(v: Values): Record<string, unknown> {
  const amount = v['budget.amountVnd'].replace(/[.,\s]/g, '');
  return {
    track: v.track,
    title: text(v.title),
    titleEn: text(v.titleEn),
    description: text(v.description),
    counterpartyProvinces: v.counterpartyProvinces.length > 0 ? v.counterpartyProvinces : undefined,
    projectId: text(v.projectId),
    responsible: { agency: text(v['responsible.agency']), person: text(v['responsible.person']) },
    indicator: { name: text(v['indicator.name']), unit: text(v['indicator.unit']), baseline: num(v['indicator.baseline']), target: num(v['indicator.target']) },
    deadline: text(v.deadline),
    ...(amount && { budget: { amountVnd: amount, source: v['budget.source'] } }),
  };
}

interface ProvinceRow extends ProvinceRef {
  role: string | null;
  mergedInto: string | null;
}

export function ProposePage() {
  const { t, te, locale } = useI18n();
  const name = useProvinceName();
  const { me } = useSession();
  const { navigate } = useRouter();
  const pause = !me?.roles.includes('PROVINCE');
  const [provinces] = useQuery<{ provinces: ProvinceRow[] }>({ query: PROVINCES, pause });
  const [projects] = useQuery<{ projects: { id: string; name: string; nameEn: string | null; track: string }[] }>({ query: PROJECTS, pause });
  const [, propose] = useMutation(MUTATIONS.propose);
  const [values, setValues] = useState<Values>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  if (!me?.roles.includes('PROVINCE'))
    return (
      <>
        <PageHeader title={t('propose.title')} />
        <p role="alert">{t('propose.onlyProvince')}</p>
      </>
    );
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const partners = (provinces.data?.provinces ?? []).filter((p) => p.role && !p.mergedInto && p.code !== me.provinceCode);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await propose({ input: toProposalInput(values), commandId: commandId() });
    setBusy(false);
    if (result.data && !result.error) {
      const created = (result.data as { proposeCommitment: { id: string } }).proposeCommitment;
      return navigate(`/commitments/${created.id}`);
    }
    if (!result.error) return;
    const problems = describeProblems(result.error);
    setFieldErrors(Object.fromEntries(problems.fields.map((f) => [f.field, f.message])));
    setMessages([...problems.codes.filter((c) => c !== 'BAD_USER_INPUT').map((c) => t(`error.${c}` as MessageKey) ?? c), ...problems.messages]);
    // Move focus to the first field the API named, so a screen reader hears its error.
    const first = problems.fields[0]?.field;
    if (first) setTimeout(() => document.getElementById(`propose-${first}`)?.focus(), 0);
  };
  const input = (key: Exclude<keyof Values, 'counterpartyProvinces' | 'track'>, label: MessageKey, type = 'text') => (
    <Field id={`propose-${key}`} label={t(label)} error={fieldErrors[key]}>
      {(props) =>
        // Numbers as text with a decimal keypad: a Vietnamese official types "12,5".
        type === 'number' ? (
          <input {...props} type="text" inputMode="decimal" value={values[key]} onChange={(e) => set(key, e.target.value)} />
        ) : (
          <input {...props} type={type} value={values[key]} onChange={(e) => set(key, e.target.value)} />
        )
      }
    </Field>
  );
  const invalid = Object.keys(fieldErrors).length > 0;
  return (
    <>
      <PageHeader title={t('propose.title')}>
        <p className="muted">{t('propose.help')}</p>
      </PageHeader>
      <form className="propose" onSubmit={submit} noValidate aria-describedby={invalid ? 'propose-summary' : undefined}>
        <div id="propose-summary">
          <FormErrors messages={messages} summary={invalid ? t('propose.errors') : undefined} />
        </div>
        <fieldset>
          <legend>{t('field.title')}</legend>
          <Field id="propose-track" label={t('field.track')} error={fieldErrors['track']}>
            {(props) => (
              <select {...props} value={values.track} onChange={(e) => set('track', e.target.value as Track)}>
                {TRACKS.map((tr) => (
                  <option key={tr} value={tr}>
                    {te('track', tr)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {input('title', 'field.title')}
          {input('titleEn', 'field.titleEn')}
          <Field id="propose-description" label={t('field.description')} error={fieldErrors['description']}>
            {(props) => <textarea {...props} rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} />}
          </Field>
          <Field id="propose-projectId" label={t('field.project')} error={fieldErrors['projectId']}>
            {(props) => (
              <select {...props} value={values.projectId} onChange={(e) => set('projectId', e.target.value)}>
                <option value="">—</option>
                {(projects.data?.projects ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset
          className={fieldErrors['counterpartyProvinces'] !== undefined ? 'field-invalid' : undefined}
          aria-describedby={fieldErrors['counterpartyProvinces'] !== undefined ? 'propose-counterpartyProvinces-error' : undefined}
        >
          <legend>{t('field.counterpartyProvinces')}</legend>
          <div className="checks" id="propose-counterpartyProvinces" tabIndex={-1}>
            {partners.map((p) => (
              <label key={p.code} className="check">
                <input
                  type="checkbox"
                  value={p.code}
                  checked={values.counterpartyProvinces.includes(p.code)}
                  onChange={(e) =>
                    set('counterpartyProvinces', e.target.checked ? [...values.counterpartyProvinces, p.code] : values.counterpartyProvinces.filter((c) => c !== p.code))
                  }
                />{' '}
                {name(p)} ({p.code})
              </label>
            ))}
          </div>
          {fieldErrors['counterpartyProvinces'] !== undefined && (
            <p id="propose-counterpartyProvinces-error" className="field-error" data-field-error="propose-counterpartyProvinces">
              {fieldErrors['counterpartyProvinces'] ? localizeReason(fieldErrors['counterpartyProvinces'], locale) : t('field.missing')}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('field.responsible')}</legend>
          {input('responsible.agency', 'field.agency')}
          {input('responsible.person', 'field.person')}
        </fieldset>
        <fieldset>
          <legend>{t('field.indicator')}</legend>
          {input('indicator.name', 'field.indicatorName')}
          {input('indicator.unit', 'field.indicatorUnit')}
          {input('indicator.baseline', 'field.baseline', 'number')}
          {input('indicator.target', 'field.target', 'number')}
          {input('deadline', 'field.deadline', 'date')}
        </fieldset>
        <fieldset>
          <legend>{t('field.budget')}</legend>
          {input('budget.amountVnd', 'field.budgetVnd')}
          <Field id="propose-budget.source" label={t('field.budgetSource')} error={fieldErrors['budget.source']}>
            {(props) => (
              <select {...props} value={values['budget.source']} onChange={(e) => set('budget.source', e.target.value)}>
                {SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {te('source', s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {t('propose.submit')}
        </button>
      </form>
    </>
  );
}
