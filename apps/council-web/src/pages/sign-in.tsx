import { type FormEvent, useEffect, useState } from 'react';
import { PageHeader } from '../components.js';
import { useI18n } from '../i18n.js';

export interface DemoSignIn {
  label: string;
  name: string;
  subject: string;
  roles: string[];
  province?: string;
  token: string;
}

/** The demo identities the server offers in development; none (404) in production. */
async function fetchDemoIdentities(): Promise<DemoSignIn[]> {
  try {
    const response = await fetch('/auth/demo-tokens', { headers: { accept: 'application/json' } });
    if (!response.ok) return [];
    return ((await response.json()) as { identities: DemoSignIn[] }).identities;
  } catch {
    return [];
  }
}

/** Sign-in: one click on a demo identity (development), or a pasted token (any OIDC provider's). */
export function SignInPage({ onToken, rejected }: { onToken: (token: string) => void; rejected: boolean }) {
  const { t } = useI18n();
  const [identities, setIdentities] = useState<DemoSignIn[] | null>(null);
  const [token, setToken] = useState('');
  useEffect(() => {
    let live = true;
    void fetchDemoIdentities().then((found) => live && setIdentities(found));
    return () => {
      live = false;
    };
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (value) onToken(value);
  };
  return (
    <>
      <PageHeader title={t('auth.signIn')}>
        {rejected ? (
          <p role="alert" className="error">
            {t('auth.invalid')}
          </p>
        ) : (
          <p className="muted">{t('auth.required')}</p>
        )}
      </PageHeader>
      <section aria-labelledby="demo">
        <h2 id="demo">{t('auth.demoTitle')}</h2>
        {identities === null ? (
          <p role="status">{t('common.loading')}</p>
        ) : identities.length === 0 ? (
          <p>{t('auth.demoNone')}</p>
        ) : (
          <>
            <p className="muted">{t('auth.demoHelp')}</p>
            <ul className="identities">
              {identities.map((identity) => (
                <li key={identity.subject}>
                  <button type="button" className="identity" onClick={() => onToken(identity.token)} data-subject={identity.subject}>
                    <strong>{identity.label}</strong>
                    <span>{identity.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="paste">
        <h2 id="paste">{t('auth.pasteTitle')}</h2>
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="token">{t('auth.token')}</label>
            <textarea id="token" rows={3} value={token} onChange={(e) => setToken(e.target.value)} spellCheck={false} autoComplete="off" />
          </div>
          <button type="submit" className="primary">
            {t('auth.useToken')}
          </button>
        </form>
      </section>
    </>
  );
}
