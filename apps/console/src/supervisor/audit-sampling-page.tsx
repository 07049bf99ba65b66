import { useState } from 'react';
import { AUDIT_CRITERIA, AUDIT_CRITERION_MAX, type AuditCriterion, type AuditSample } from '../api/outreach-api';
import { ErrorNote, Loading } from '../app/status-views';
import { useAsync } from '../app/use-async';
import { useSession } from '../auth/session-context';
import { formatDuration } from '../format/metric-value';
import { formatInstant } from '../format/shanghai-time';
import { useLocale } from '../i18n/locale-context';

const noScores = (): Record<AuditCriterion, string> =>
  Object.fromEntries(AUDIT_CRITERIA.map((code) => [code, ''])) as Record<AuditCriterion, string>;

/** One reviewer's checklist for one call: each criterion out of 20, the service totals them to 0-100. */
function ScoreForm({ sample, onScored }: { readonly sample: AuditSample; readonly onScored: () => void }) {
  const { t } = useLocale();
  const { outreach } = useSession();
  const [scores, setScores] = useState(noScores);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();
  if (sample.score !== null) return <span data-testid="audit-total">{sample.score}</span>;
  return (
    <form
      className="inline"
      aria-label={t('audit.score')}
      onSubmit={(e) => {
        e.preventDefault();
        const numeric = Object.fromEntries(AUDIT_CRITERIA.map((code) => [code, Number(scores[code])])) as Record<
          AuditCriterion,
          number
        >;
        outreach.scoreAudit(sample.id, numeric, comment || undefined).then(onScored, setError);
      }}
    >
      {AUDIT_CRITERIA.map((code) => (
        <label key={code}>
          {t(`audit.criterion.${code}`)}
          <input
            name={code}
            type="number"
            min={0}
            max={AUDIT_CRITERION_MAX}
            required
            value={scores[code]}
            onChange={(e) => setScores({ ...scores, [code]: e.target.value })}
          />
        </label>
      ))}
      <label>
        {t('audit.comment')}
        <input name="comment" value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit">{t('audit.submitScore')}</button>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

/** Calls drawn at random for quality review; agents do not know in advance which of theirs are drawn. */
export function AuditSamplingPage() {
  const { t, locale } = useLocale();
  const { outreach } = useSession();
  const [state, reload] = useAsync('audit-samples', () => outreach.auditSamples());
  return (
    <>
      <h2>{t('audit.title')}</h2>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <ErrorNote error={state.error} onRetry={reload} /> : null}
      {state.status === 'done' && state.value.length === 0 ? <p className="muted">{t('common.noData')}</p> : null}
      {state.status === 'done' && state.value.length > 0 ? (
        <table className="card" data-testid="audit-samples">
          <thead>
            <tr>
              <th>{t('workload.agent')}</th>
              <th>{t('audit.recordedAt')}</th>
              <th>{t('workload.talkTime')}</th>
              <th>{t('workbench.disposition')}</th>
              <th>{t('audit.recording')}</th>
              <th>{t('audit.score')}</th>
            </tr>
          </thead>
          <tbody>
            {state.value.map((sample) => (
              <tr key={sample.id} data-call={sample.id}>
                <td>{sample.agentName}</td>
                <td>{formatInstant(sample.recordedAt, locale)}</td>
                <td>{formatDuration(sample.talkSeconds)}</td>
                <td>{t(`disposition.${sample.disposition}`)}</td>
                <td>
                  <code>{sample.recordingRef}</code>
                </td>
                <td>
                  <ScoreForm sample={sample} onScored={reload} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
