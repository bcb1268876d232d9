import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProvinceView, Track } from './api.js';
import type { DashboardLens } from './components.js';
import { useI18n } from './i18n.js';
import { CommitmentDetailPage } from './pages/commitment.js';
import { CommitmentsPage } from './pages/commitments.js';
import { OverviewPage } from './pages/overview.js';
import { ProjectPage } from './pages/project.js';
import { ProjectsPage } from './pages/projects.js';
import { ProposePage } from './pages/propose.js';
import { ScorecardPage } from './pages/scorecard.js';
import { SignInPage } from './pages/sign-in.js';
import { TrackPage } from './pages/track.js';
import { Link, match, useRouter } from './router.js';
import { SessionProvider, type SignInNotice, useSession } from './session.js';

/** The whole dashboard: sign-in until a token is accepted, then the pages. */
export function App() {
  return (
    <SessionProvider signIn={(notice) => <Shell>{<SignInRoute notice={notice} />}</Shell>}>
      <Shell>
        <Pages />
      </Shell>
    </SessionProvider>
  );
}

function SignInRoute({ notice }: { notice: SignInNotice | null }) {
  const { signIn, signInWithProvider } = useSession();
  return <SignInPage onToken={signIn} onProvider={signInWithProvider} notice={notice} />;
}

function Pages() {
  const { path, navigate } = useRouter();
  const { me, signIn, signInWithProvider } = useSession();
  // The as-of moment is shared by the overview and the track pages, so moving between them keeps the day.
  const [asOf, setAsOf] = useState<string | null>(null);
  const [view, setView] = useState<ProvinceView>('AS_THEY_ARE');
  const lens = useMemo<DashboardLens>(() => ({ asOf, view, setAsOf, setView }), [asOf, view]);
  let params: Record<string, string> | null;
  if (path === '/sign-in') return <SignInPage onToken={(token) => (signIn(token), navigate('/'))} onProvider={signInWithProvider} notice={null} />;
  if ((params = match('/tracks/:track', path))) {
    const track = params['track']?.toUpperCase() as Track;
    if (['TRANSPORT', 'HEALTH', 'WORKFORCE'].includes(track)) return <TrackPage track={track} lens={lens} />;
  }
  if (path === '/tracks') return <TrackPage track="TRANSPORT" lens={lens} />;
  if ((params = match('/provinces/:code', path))) return <ScorecardPage province={params['code'] ?? ''} />;
  if (path === '/provinces') return <ScorecardPage province={me?.provinceCode ?? '79'} />;
  if (path === '/commitments/new') return <ProposePage />;
  if ((params = match('/commitments/:id', path))) return <CommitmentDetailPage id={params['id'] ?? ''} />;
  if (path === '/commitments') return <CommitmentsPage />;
  if ((params = match('/projects/:id', path))) return <ProjectPage id={params['id'] ?? ''} lens={lens} />;
  if (path === '/projects') return <ProjectsPage />;
  return <OverviewPage lens={lens} />;
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t, te, locale, setLocale } = useI18n();
  const { me, token, signOut, changes } = useSession();
  const { path } = useRouter();
  const main = useRef<HTMLElement>(null);
  // After a move to another page, focus its heading so keyboard and screen-reader users start there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <Link to="/" className="brand-link">
            {t('app.title')}
          </Link>
          <span className="muted">{t('app.subtitle')}</span>
        </div>
        <div className="session">
          {me && (
            <span className="who" data-testid="who">
              {t('auth.signedInAs')}: <strong>{me.name ?? me.subject}</strong> · {me.roles.map((r) => te('role', r)).join(', ')}
              {me.provinceCode ? ` (${me.provinceCode})` : ''}
            </span>
          )}
          <button type="button" lang={locale === 'vi' ? 'en' : 'vi'} aria-label={t('lang.switchLabel')} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
            {t('lang.switch')}
          </button>
          {token && (
            <>
              <Link to="/sign-in" className="button-link">
                {t('auth.signIn')}
              </Link>
              <button type="button" onClick={signOut}>
                {t('auth.signOut')}
              </button>
            </>
          )}
        </div>
        {token && (
          <nav aria-label={t('nav.label')} className="main-nav">
            <Link to="/">{t('nav.overview')}</Link>
            <Link to="/tracks/transport">{t('nav.tracks')}</Link>
            <Link to="/commitments">{t('nav.commitments')}</Link>
            <Link to={`/provinces/${me?.provinceCode ?? '79'}`}>{t('nav.scorecard')}</Link>
            <Link to="/projects">{t('nav.projects')}</Link>
            {me?.roles.includes('PROVINCE') && <Link to="/commitments/new">{t('nav.propose')}</Link>}
          </nav>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      {token && (
        <footer className="muted" data-testid="live" data-changes={changes}>
          {t('common.live')}
        </footer>
      )}
    </>
  );
}
