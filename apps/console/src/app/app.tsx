import { useEffect } from 'react';
import { useSession } from '../auth/session-context';
import { DashboardPage } from '../dashboard/dashboard-page';
import { useLocale } from '../i18n/locale-context';
import { AuditSamplingPage } from '../supervisor/audit-sampling-page';
import { ComplaintQueuePage } from '../supervisor/complaint-queue-page';
import { TeamWorkloadPage } from '../supervisor/team-workload-page';
import { WorkbenchPage } from '../workbench/workbench-page';
import { ROUTES, routesFor, type RoutePath } from './routes';
import { SignInPage } from './sign-in-page';
import { useHashRoute } from './use-hash-route';

function Page({ path }: { readonly path: RoutePath }) {
  switch (path) {
    case 'dashboard':
      return <DashboardPage />;
    case 'workbench':
      return <WorkbenchPage />;
    case 'workload':
      return <TeamWorkloadPage />;
    case 'audit':
      return <AuditSamplingPage />;
    case 'complaints':
      return <ComplaintQueuePage />;
  }
}

export function App() {
  const { t, locale, setLocale } = useLocale();
  const { session, store } = useSession();
  const [route, navigate] = useHashRoute();
  const allowed = session ? routesFor(session.roles) : [];
  const current = route && allowed.includes(route) ? route : allowed[0];

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const languageSwitch = (
    <button type="button" className="link" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
      {t('app.language')}
    </button>
  );

  if (!session) {
    return (
      <>
        <header className="top">
          <span className="brand">{t('app.title')}</span>
          {languageSwitch}
        </header>
        <SignInPage />
      </>
    );
  }

  return (
    <>
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <nav>
          {ROUTES.filter((r) => allowed.includes(r.path)).map((r) => (
            <a key={r.path} href={`#/${r.path}`} className={r.path === current ? 'active' : undefined}>
              {t(r.label)}
            </a>
          ))}
        </nav>
        <span className="user">
          {session.displayName} · {session.roles.map((role) => t(`role.${role}`)).join(' / ')}
        </span>
        {languageSwitch}
        <button
          type="button"
          className="link"
          onClick={() => {
            store.signOut();
            navigate('dashboard');
          }}
        >
          {t('nav.signOut')}
        </button>
      </header>
      <main className="page">{current ? <Page path={current} /> : <p>{t('common.forbidden')}</p>}</main>
    </>
  );
}
