import { useState } from 'react';
import { type WorklistItem } from '../api/outreach-api';
import { isApiError } from '../api/http-client';
import { ErrorNote, Loading } from '../app/status-views';
import { useAsync } from '../app/use-async';
import { useSession } from '../auth/session-context';
import { useLocale } from '../i18n/locale-context';
import { ComplaintForm, DispositionForm, SurveyForm } from './call-forms';
import { Patient360View } from './patient-360';
import { WorklistTable } from './worklist-table';

/** 我的工作台: claim a due task, see the patient, record the call, complete it with the survey. */
export function WorkbenchPage() {
  const { t } = useLocale();
  const { outreach } = useSession();
  const [active, setActive] = useState<{ item: WorklistItem; claimedAt: Date } | undefined>();
  const [claimError, setClaimError] = useState<unknown>();
  const [notice, setNotice] = useState<string | undefined>();
  const [worklist, reloadWorklist] = useAsync('worklist', () => outreach.worklist());
  const [patient] = useAsync(`patient:${active?.item.patientId ?? ''}`, () =>
    active ? outreach.patient360(active.item.patientId) : Promise.resolve(undefined),
  );

  const claim = async (item: WorklistItem): Promise<void> => {
    setClaimError(undefined);
    setNotice(undefined);
    try {
      await outreach.claim(item.taskId);
      setActive({ item, claimedAt: new Date() });
    } catch (error) {
      // A lost race is normal in a call centre: say so and refresh, so the agent picks another task.
      if (isApiError(error, 409)) {
        setNotice(t('workbench.claimedByOther'));
        reloadWorklist();
      } else setClaimError(error);
    }
  };

  return (
    <>
      <h2>{t('workbench.title')}</h2>
      <div className="workbench">
        <section className="card">
          <h3>{t('workbench.worklist')}</h3>
          {notice ? (
            <p className="notice" role="status">
              {notice}
            </p>
          ) : null}
          {claimError ? <ErrorNote error={claimError} /> : null}
          {worklist.status === 'loading' ? <Loading /> : null}
          {worklist.status === 'failed' ? <ErrorNote error={worklist.error} onRetry={reloadWorklist} /> : null}
          {worklist.status === 'done' ? (
            <WorklistTable
              items={worklist.value}
              activeTaskId={active?.item.taskId}
              onClaim={(item) => void claim(item)}
            />
          ) : null}
        </section>
        {active ? (
          <div className="task">
            {patient.status === 'loading' ? <Loading /> : null}
            {patient.status === 'failed' ? <ErrorNote error={patient.error} /> : null}
            {patient.status === 'done' && patient.value ? <Patient360View patient={patient.value} /> : null}
            <div className="columns">
              <DispositionForm key={`d-${active.item.taskId}`} task={active.item} callStartedAt={active.claimedAt} />
              <SurveyForm
                key={`s-${active.item.taskId}`}
                task={active.item}
                onCompleted={() => {
                  setActive(undefined);
                  setNotice(t('workbench.completed'));
                  reloadWorklist();
                }}
              />
              <ComplaintForm key={`c-${active.item.taskId}`} task={active.item} />
            </div>
          </div>
        ) : null}
      </div>
    </>
  );
}
