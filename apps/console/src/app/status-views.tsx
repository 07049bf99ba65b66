import { ApiError } from '../api/problem';
import { useLocale } from '../i18n/locale-context';

export function Loading() {
  const { t } = useLocale();
  return <p className="muted">{t('common.loading')}</p>;
}

/** Shows a failed request the way the services describe it: title, and the error id of a 500 for support. */
export function ErrorNote({ error, onRetry }: { readonly error: unknown; readonly onRetry?: () => void }) {
  const { t } = useLocale();
  const forbidden = error instanceof ApiError && error.status === 403;
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <div className="error" role="alert">
      <span>{forbidden ? t('common.forbidden') : (problem?.title ?? t('common.error'))}</span>
      {problem?.errorId ? (
        <span className="muted">
          {' '}
          {t('common.errorId')}: {problem.errorId}
        </span>
      ) : null}
      {onRetry && !forbidden ? (
        <button type="button" className="link" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
