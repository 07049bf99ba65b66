import { useState, type FormEvent } from 'react';
import { type WorklistItem } from '../api/outreach-api';
import {
  ATTEMPT_DISPOSITIONS,
  FEEDBACK_KINDS,
  type AttemptDisposition,
  type FeedbackKind,
} from '../api/outreach-vocabulary';
import { ErrorNote } from '../app/status-views';
import { useSession } from '../auth/session-context';
import { useLocale } from '../i18n/locale-context';

/** Runs a form submission, keeping its error and a success flag for the form to show. */
function useSubmit(action: () => Promise<void>): [(e: FormEvent) => void, boolean, unknown, boolean] {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(false);
    action().then(
      () => {
        setBusy(false);
        setDone(true);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };
  return [submit, busy, error, done];
}

/**
 * The call ran from when the agent took the task to now; talk time is what the agent read off the phone,
 * never more than that span, so workload reports cannot count more talk than time.
 */
export function attemptTimes(callStartedAt: Date, endedAt: Date, talkSeconds: number) {
  const span = Math.max(0, Math.floor((endedAt.getTime() - callStartedAt.getTime()) / 1000));
  return {
    startedAt: callStartedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    talkSeconds: Math.min(span, Math.max(0, Math.round(talkSeconds) || 0)),
  };
}

export function DispositionForm({
  task,
  callStartedAt,
}: {
  readonly task: WorklistItem;
  readonly callStartedAt: Date;
}) {
  const { t } = useLocale();
  const { outreach } = useSession();
  const [disposition, setDisposition] = useState<AttemptDisposition>('answered');
  const [talkSeconds, setTalkSeconds] = useState('0');
  const [notes, setNotes] = useState('');
  const [submit, busy, error, done] = useSubmit(async () => {
    await outreach.recordAttempt(task.taskId, {
      disposition,
      ...attemptTimes(callStartedAt, new Date(), Number(talkSeconds)),
      ...(notes ? { notes } : {}),
    });
  });
  return (
    <form className="card" aria-label={t('workbench.disposition')} onSubmit={submit}>
      <h4>{t('workbench.disposition')}</h4>
      <label>
        {t('workbench.disposition')}
        <select
          name="disposition"
          value={disposition}
          onChange={(e) => setDisposition(e.target.value as AttemptDisposition)}
        >
          {ATTEMPT_DISPOSITIONS.map((code) => (
            <option key={code} value={code}>
              {t(`disposition.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('workbench.talkSeconds')}
        <input
          name="talkSeconds"
          type="number"
          min={0}
          value={talkSeconds}
          onChange={(e) => setTalkSeconds(e.target.value)}
        />
      </label>
      <label>
        {t('workbench.notes')}
        <textarea name="notes" value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {t('workbench.recordAttempt')}
      </button>
      {done ? <p className="ok">{t('workbench.attemptRecorded')}</p> : null}
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

export function SurveyForm({ task, onCompleted }: { readonly task: WorklistItem; readonly onCompleted: () => void }) {
  const { t } = useLocale();
  const { outreach } = useSession();
  const [nps, setNps] = useState('');
  const [csat, setCsat] = useState('');
  const [comment, setComment] = useState('');
  const [returnVisitBooked, setReturnVisitBooked] = useState(false);
  const [submit, busy, error] = useSubmit(async () => {
    await outreach.complete(
      task.taskId,
      {
        nps: nps === '' ? undefined : Number(nps),
        csat: csat === '' ? undefined : Number(csat),
        comment: comment || undefined,
      },
      returnVisitBooked,
    );
    onCompleted();
  });
  return (
    <form className="card" aria-label={t('workbench.survey')} onSubmit={submit}>
      <h4>{t('workbench.survey')}</h4>
      <label>
        {t('workbench.nps')}
        <select name="nps" value={nps} onChange={(e) => setNps(e.target.value)}>
          <option value="">—</option>
          {Array.from({ length: 11 }, (_, score) => (
            <option key={score} value={score}>
              {score}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('workbench.csat')}
        <select name="csat" value={csat} onChange={(e) => setCsat(e.target.value)}>
          <option value="">—</option>
          {[1, 2, 3, 4, 5].map((score) => (
            <option key={score} value={score}>
              {score}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('workbench.comment')}
        <textarea name="comment" value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      </label>
      <label className="inline">
        <input
          name="returnVisitBooked"
          type="checkbox"
          checked={returnVisitBooked}
          onChange={(e) => setReturnVisitBooked(e.target.checked)}
        />
        {t('workbench.returnVisitBooked')}
      </label>
      <button type="submit" disabled={busy}>
        {t('workbench.complete')}
      </button>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

export function ComplaintForm({ task }: { readonly task: WorklistItem }) {
  const { t } = useLocale();
  const { outreach } = useSession();
  const [kind, setKind] = useState<FeedbackKind>('complaint');
  const [text, setText] = useState('');
  const [submit, busy, error, done] = useSubmit(async () => {
    await outreach.openComplaint({ patientId: task.patientId, taskId: task.taskId, kind, text });
    setText('');
  });
  return (
    <form className="card" aria-label={t('workbench.complaint')} onSubmit={submit}>
      <h4>{t('workbench.complaint')}</h4>
      <label>
        {t('workbench.complaintKind')}
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as FeedbackKind)}>
          {FEEDBACK_KINDS.map((code) => (
            <option key={code} value={code}>
              {t(`feedback.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('workbench.complaintText')}
        <textarea name="text" value={text} required maxLength={4000} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {t('workbench.complaintSubmit')}
      </button>
      {done ? <p className="ok">{t('workbench.complaintOpened')}</p> : null}
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}
