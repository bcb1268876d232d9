import { type FormEvent, useEffect, useRef, useState } from 'react';
import { PageHeader } from '../components.js';
import { useI18n } from '../i18n.js';
import { localizeAuthReason } from '../reasons.js';
import type { SignInNotice } from '../session.js';
import { fetchSignInConfig, type SignInConfig } from '../sign-in-config.js';

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

/**
 * Sign-in: through the identity provider when the server names one (`GET /auth/config`),
 * one click on a demo identity (development), or a pasted token (any provider's).
 */
export function SignInPage({
  onToken,
  onProvider,
  notice,
}: {
  onToken: (token: string) => void;
  onProvider: () => Promise<void>;
  notice: SignInNotice | null;
}) {
  const { t, locale } = useI18n();
  const [config, setConfig] = useState<SignInConfig | null>(null);
  const [identities, setIdentities] = useState<DemoSignIn[] | null>(null);
  const [token, setToken] = useState('');
  const [leaving, setLeaving] = useState(false);
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    let live = true;
    void fetchSignInConfig().then(async (found) => {
      if (!live) return;
      setConfig(found);
      const demo = found.demoTokens ? await fetchDemoIdentities() : [];
      if (live) setIdentities(demo);
    });
    return () => {
      live = false;
    };
  }, []);
  // Say why the sign-in page is back (refused, expired) before anything else.
  useEffect(() => {
    if (notice && notice.kind !== 'completing') alert.current?.focus();
  }, [notice]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (value) onToken(value);
  };
  const toProvider = () => {
    setLeaving(true);
    void onProvider().finally(() => setLeaving(false));
  };
  if (notice?.kind === 'completing')
    return (
      <PageHeader title={t('auth.signIn')}>
        <p role="status">{t('auth.completing')}</p>
      </PageHeader>
    );
  return (
    <>
      <PageHeader title={t('auth.signIn')}>
        {notice === null ? (
          <p className="muted">{t('auth.required')}</p>
        ) : notice.kind === 'signedOut' ? (
          <p role="status" data-testid="sign-in-notice">
            {t('auth.signedOut')}
          </p>
        ) : (
          <p role="alert" className="error" tabIndex={-1} ref={alert} data-testid="sign-in-notice">
            {notice.kind === 'expired'
              ? t('auth.expired')
              : notice.kind === 'providerFailed'
                ? `${t('auth.providerFailed')}: ${notice.reason}`
                : notice.reason
                  ? `${t('auth.rejected')}: ${localizeAuthReason(notice.reason, locale)}`
                  : t('auth.invalid')}
          </p>
        )}
      </PageHeader>
      {config === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          {config.oidc && (
            <section aria-labelledby="provider">
              <h2 id="provider">{t('auth.providerTitle')}</h2>
              <p className="muted">{t('auth.providerHelp')}</p>
              <button type="button" className="primary" onClick={toProvider} disabled={leaving} data-testid="sign-in-provider">
                {leaving ? t('auth.providerWorking') : t('auth.provider')}
              </button>
            </section>
          )}
          {config.demoTokens && (
            <section aria-labelledby="demo">
              <h2 id="demo">{t('auth.demoTitle')}</h2>
              {identities === null ? (
                <p role="status">{t('common.loading')}</p>
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
          )}
          {!config.oidc && !config.demoTokens && <p>{t('auth.demoNone')}</p>}
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
      )}
    </>
  );
}
