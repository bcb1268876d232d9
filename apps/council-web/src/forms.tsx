import type { ReactNode } from 'react';
import { useI18n } from './i18n.js';
import { localizeReason } from './reasons.js';

/** One labelled form field with its error (from the API) announced and tied to it. */
export function Field({
  id,
  label,
  error,
  children,
  hint,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error !== undefined ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error !== undefined ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error !== undefined ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
      {error !== undefined && (
        <p id={errorId} className="field-error" data-field-error={id}>
          {error ? localizeReason(error, locale) : t('field.missing')}
        </p>
      )}
    </div>
  );
}

/** The errors no field claims, above the form. */
export function FormErrors({ messages, summary }: { messages: string[]; summary?: string }) {
  if (messages.length === 0 && !summary) return null;
  return (
    <div role="alert" className="error">
      {summary && <p>{summary}</p>}
      {messages.length > 0 && (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A fresh idempotency key per submitted action, so a retried request records once. */
export const commandId = () => globalThis.crypto.randomUUID();
