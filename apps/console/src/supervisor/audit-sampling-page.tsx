import { useState } from 'react';
import { type AuditSample } from '../api/outreach-api';
import { ErrorNote, Loading } from '../app/status-views';
import { useAsync } from '../app/use-async';
import { useSession } from '../auth/session-context';
import { formatInstant } from '../format/shanghai-time';
import { useLocale } from '../i18n/locale-context';

function ScoreCell({ sample, onScored }: { readonly sample: AuditSample; readonly onScored: () => void }) {
  const { t } = useLocale();
  const { outreach } = useSession();
  const [score, setScore] = useState('');
  const [error, setError] = useState<unknown>();
  if (sample.score !== null) return <span>{sample.score}</span>;
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        outreach.scoreAudit(sample.sampleId, Number(score)).then(onScored, setError);
      }}
    >
      <input
        name="score"
        type="number"
        min={0}
        max={100}
        required
        value={score}
        aria-label={t('audit.score')}
        onChange={(e) => setScore(e.target.value)}
      />
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
      {state.status === 'done' ? (
        <table className="card" data-testid="audit-samples">
          <thead>
            <tr>
              <th>{t('workload.agent')}</th>
              <th>{t('audit.recordedAt')}</th>
              <th>{t('audit.recording')}</th>
              <th>{t('audit.score')}</th>
            </tr>
          </thead>
          <tbody>
            {state.value.map((sample) => (
              <tr key={sample.sampleId}>
                <td>{sample.agentName}</td>
                <td>{formatInstant(sample.recordedAt, locale)}</td>
                <td>{sample.recordingUrl ? <audio controls preload="none" src={sample.recordingUrl} /> : '—'}</td>
                <td>
                  <ScoreCell sample={sample} onScored={reload} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
