import { type FormEvent, useState } from 'react';
import { type AnyVariables, type TypedDocumentNode, useMutation } from 'urql';
import { type Commitment, describeProblems, type Identity, MUTATIONS } from '../api.js';
import { vietnamToday } from '../format.js';
import { commandId, Field, FormErrors } from '../forms.js';
import { useI18n } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import { useSession } from '../session.js';

interface ActionField {
  readonly name: string;
  readonly label: MessageKey;
  readonly type: 'text' | 'date' | 'number' | 'url' | 'textarea';
  readonly optional?: boolean;
  readonly initial?: string;
}

interface Action {
  readonly key: string;
  readonly label: MessageKey;
  readonly mutation: TypedDocumentNode<unknown, AnyVariables>;
  readonly fields: readonly ActionField[];
  readonly variables?: (values: Record<string, string>) => Record<string, unknown>;
  readonly danger?: boolean;
}

const reason: ActionField = { name: 'reason', label: 'field.reason', type: 'textarea' };
const note: ActionField = { name: 'note', label: 'field.note', type: 'textarea' };

const isParty = (me: Identity, p: { code: string; answeredForBy?: string | null }) => !!me.provinceCode && (p.code === me.provinceCode || p.answeredForBy === me.provinceCode);

/**
 * What this caller may do to this commitment now, from `me` and the lifecycle: a
 * province acts as committer or counterparty, the council decides, verifies and
 * cancels. An action the caller may not take is not shown at all.
 */
export function allowedActions(c: Commitment, me: Identity): Action[] {
  const province = me.roles.includes('PROVINCE');
  const council = me.roles.includes('COUNCIL');
  const committer = province && isParty(me, c.committer);
  const awaitingMe = province && c.counterparties.some((p) => !p.accepted && isParty(me, p));
  const counterparty = province && c.counterparties.some((p) => isParty(me, p));
  const actions: Action[] = [];
  if (c.status === 'PROPOSED' && awaitingMe)
    actions.push({ key: 'accept', label: 'action.accept', mutation: MUTATIONS.accept, fields: [] }, { key: 'decline', label: 'action.decline', mutation: MUTATIONS.decline, fields: [reason], danger: true });
  if (c.status === 'PROPOSED' && committer) actions.push({ key: 'withdraw', label: 'action.withdraw', mutation: MUTATIONS.withdraw, fields: [reason], danger: true });
  if (c.status === 'ACTIVE' && committer) {
    actions.push({
      key: 'report',
      label: 'action.report',
      mutation: MUTATIONS.report,
      fields: [
        { name: 'value', label: 'field.value', type: 'number' },
        { name: 'reportedFor', label: 'field.reportedFor', type: 'date', initial: vietnamToday() },
        { name: 'disbursedVnd', label: 'field.disbursedVnd', type: 'text', optional: true },
        { name: 'note', label: 'field.note', type: 'textarea', optional: true },
        { name: 'evidenceUrl', label: 'field.evidenceUrl', type: 'url', optional: true },
      ],
      variables: ({ value, reportedFor, disbursedVnd, note: text, evidenceUrl }) => ({
        input: {
          value: value === '' || value === undefined ? null : Number(value.replace(',', '.')),
          reportedFor,
          ...(disbursedVnd && { disbursedVnd: disbursedVnd.replace(/[.,\s]/g, '') }),
          ...(text && { note: text }),
          ...(evidenceUrl && { evidenceUrl }),
        },
      }),
    });
    if (!c.pendingExtension)
      actions.push({ key: 'extend', label: 'action.extend', mutation: MUTATIONS.extend, fields: [{ name: 'newDeadline', label: 'field.newDeadline', type: 'date' }, reason] });
    actions.push({
      key: 'claim',
      label: 'action.claim',
      mutation: MUTATIONS.claim,
      fields: [note, { name: 'evidenceUrl', label: 'field.evidenceUrl', type: 'url', optional: true }],
      variables: ({ note: text, evidenceUrl }) => ({ note: text, ...(evidenceUrl && { evidenceUrl }) }),
    });
  }
  if (council && c.status === 'ACTIVE' && c.pendingExtension)
    actions.push(
      { key: 'approve', label: 'action.approveExtension', mutation: MUTATIONS.decide, fields: [note], variables: (v) => ({ approve: true, note: v['note'] }) },
      { key: 'reject', label: 'action.rejectExtension', mutation: MUTATIONS.decide, fields: [note], variables: (v) => ({ approve: false, note: v['note'] }), danger: true },
    );
  if (c.status === 'FULFILLMENT_CLAIMED' && (council || (counterparty && !committer)))
    actions.push(
      { key: 'verify', label: 'action.verify', mutation: MUTATIONS.verify, fields: [note], variables: (v) => ({ accepted: true, note: v['note'] }) },
      { key: 'dispute', label: 'action.dispute', mutation: MUTATIONS.verify, fields: [note], variables: (v) => ({ accepted: false, note: v['note'] }), danger: true },
    );
  if (council && ['PROPOSED', 'ACTIVE', 'FULFILLMENT_CLAIMED'].includes(c.status))
    actions.push({ key: 'cancel', label: 'action.cancel', mutation: MUTATIONS.cancel, fields: [reason], danger: true });
  return actions;
}

export function CommitmentActions({ commitment, onChanged }: { commitment: Commitment; onChanged: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (!me) return null;
  const actions = allowedActions(commitment, me);
  return (
    <section aria-labelledby="actions" className="actions">
      <h2 id="actions">{t('detail.actions')}</h2>
      {done && (
        <p role="status" className="success">
          {t('detail.done')}
        </p>
      )}
      {actions.length === 0 && <p className="muted">{t('detail.noActions')}</p>}
      <div className="action-buttons">
        {actions.map((a) => (
          <button
            key={a.key}
            type="button"
            className={a.danger ? 'danger' : 'primary'}
            aria-expanded={open === a.key}
            aria-controls={`action-${a.key}`}
            onClick={() => (setOpen(open === a.key ? null : a.key), setDone(false))}
          >
            {t(a.label)}
          </button>
        ))}
      </div>
      {actions
        .filter((a) => a.key === open)
        .map((a) => (
          <ActionForm
            key={a.key}
            action={a}
            commitment={commitment}
            onDone={() => {
              setOpen(null);
              setDone(true);
              onChanged();
            }}
          />
        ))}
    </section>
  );
}

function ActionForm({ action, commitment, onDone }: { action: Action; commitment: Commitment; onDone: () => void }) {
  const { t } = useI18n();
  const [, execute] = useMutation(action.mutation);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(action.fields.map((f) => [f.name, f.initial ?? ''])));
  const [errors, setErrors] = useState<{ fields: Record<string, string>; messages: string[] }>({ fields: {}, messages: [] });
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await execute({
      id: commitment.id,
      expectedRevision: commitment.revision,
      commandId: commandId(),
      ...(action.variables ? action.variables(values) : values),
    });
    setBusy(false);
    if (!result.error) return onDone();
    const problems = describeProblems(result.error);
    const fields = Object.fromEntries(problems.fields.filter((f) => action.fields.some((a) => a.name === f.field)).map((f) => [f.field, f.message]));
    const unclaimed = problems.fields.filter((f) => !(f.field in fields)).map((f) => `${f.field}: ${f.message}`);
    const codes = problems.codes.filter((c) => c !== 'BAD_USER_INPUT' || unclaimed.length > 0).map((c) => t(`error.${c}` as MessageKey) ?? c);
    setErrors({ fields, messages: [...codes, ...unclaimed, ...problems.messages] });
  };
  return (
    <form id={`action-${action.key}`} className="action-form" onSubmit={submit} noValidate aria-label={t(action.label)}>
      <FormErrors messages={errors.messages} />
      {action.fields.map((f) => (
        <Field key={f.name} id={`${action.key}-${f.name}`} label={t(f.label)} error={errors.fields[f.name]}>
          {(props) =>
            f.type === 'textarea' ? (
              <textarea {...props} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} rows={2} />
            ) : (
              <input
                {...props}
                type={f.type === 'number' ? 'text' : f.type}
                inputMode={f.type === 'number' ? 'decimal' : undefined}
                value={values[f.name]}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              />
            )
          }
        </Field>
      ))}
      <button type="submit" className={action.danger ? 'danger' : 'primary'} disabled={busy}>
        {t(action.label)}
      </button>
    </form>
  );
}
