import { useState } from 'react';
import { COMPLAINT_STATUSES, type ComplaintCase, type ComplaintStatus } from '../api/outreach-api';
import { ErrorNote, Loading } from '../app/status-views';
import { useAsync } from '../app/use-async';
import { useSession } from '../auth/session-context';
import { formatInstant } from '../format/shanghai-time';
import { useLocale } from '../i18n/locale-context';

function ResolveForm({
  complaint,
  onResolved,
}: {
  readonly complaint: ComplaintCase;
  readonly onResolved: () => void;
}) {
  const { t } = useLocale();
  const { outreach } = useSession();
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<unknown>();
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        outreach.resolveComplaint(complaint.complaintId, resolution).then(onResolved, setError);
      }}
    >
      <input
        name="resolution"
        required
        maxLength={2000}
        value={resolution}
        aria-label={t('complaints.resolution')}
        onChange={(e) => setResolution(e.target.value)}
      />
      <button type="submit">{t('complaints.resolve')}</button>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

/** Complaints and other feedback by status, the oldest deadline first, overdue ones marked. */
export function ComplaintQueuePage() {
  const { t, locale } = useLocale();
  const { outreach } = useSession();
  const [status, setStatus] = useState<ComplaintStatus>('open');
  const [state, reload] = useAsync(`complaints:${status}`, () => outreach.complaints(status));
  return (
    <>
      <h2>{t('complaints.title')}</h2>
      <form className="filters card" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('complaints.status')}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as ComplaintStatus)}>
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`complaints.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <ErrorNote error={state.error} onRetry={reload} /> : null}
      {state.status === 'done' ? (
        <table className="card" data-testid="complaints">
          <thead>
            <tr>
              <th>{t('workbench.complaintKind')}</th>
              <th>{t('common.name')}</th>
              <th>{t('workbench.complaintText')}</th>
              <th>{t('complaints.department')}</th>
              <th>{t('complaints.openedAt')}</th>
              <th>{t('complaints.slaDue')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...state.value]
              .sort((a, b) => a.slaDueAt.localeCompare(b.slaDueAt))
              .map((c) => (
                <tr key={c.complaintId} data-complaint={c.complaintId} className={c.breached ? 'overdue' : undefined}>
                  <td>{t(`feedback.${c.kind}`)}</td>
                  <td>{c.patientName ?? '—'}</td>
                  <td>{c.summary}</td>
                  <td>{c.department}</td>
                  <td>{formatInstant(c.openedAt, locale)}</td>
                  <td>
                    {formatInstant(c.slaDueAt, locale)}
                    {c.breached ? <span className="tag warn">{t('complaints.overdue')}</span> : null}
                    {c.escalated ? <span className="tag">{t('complaints.status.escalated')}</span> : null}
                  </td>
                  <td>{c.status === 'resolved' ? null : <ResolveForm complaint={c} onResolved={reload} />}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
