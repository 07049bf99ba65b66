import { type PastFollowUp, type Patient360, type PatientEvent } from '../api/patient-360';
import { ageOn, formatInstant, shanghaiDate } from '../format/shanghai-time';
import { useLocale } from '../i18n/locale-context';
import { type MessageKey, MESSAGES } from '../i18n/messages';

function Timeline({ title, events }: { readonly title: MessageKey; readonly events: readonly PatientEvent[] }) {
  const { t, locale } = useLocale();
  return (
    <div>
      <h4>{t(title)}</h4>
      {events.length === 0 ? (
        <p className="muted">{t('common.noData')}</p>
      ) : (
        <ul className="timeline">
          {events.map((event, index) => (
            <li key={`${event.at}-${index}`}>
              <span className="muted">{formatInstant(event.at, locale)}</span> {event.description}
              {event.reversed ? <span className="tag">{t('workbench.reversed')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FollowUps({ items }: { readonly items: readonly PastFollowUp[] }) {
  const { t, locale } = useLocale();
  return (
    <div>
      <h4>{t('workbench.pastFollowUps')}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('common.noData')}</p>
      ) : (
        <ul className="timeline">
          {items.map((item, index) => (
            <li key={`${item.at}-${index}`}>
              <span className="muted">{formatInstant(item.at, locale)}</span> {t(`purpose.${item.purpose}`)} ·{' '}
              {known(`taskStatus.${item.status}`) ? t(`taskStatus.${item.status}` as MessageKey) : item.status}
              {item.outcome ? ` · ${item.outcome}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Tags set by the service (DND, deceased...) have labels; tags agents typed are shown as typed. */
const known = (key: string): key is MessageKey => key in MESSAGES['zh-CN'];

/** What the agent needs before and during the call; the phone number is as masked as the role requires. */
export function Patient360View({ patient }: { readonly patient: Patient360 }) {
  const { t } = useLocale();
  return (
    <section className="card" data-testid="patient-360" aria-label={t('workbench.patient360')}>
      <h3>
        {t('workbench.patient360')}: {patient.name}
      </h3>
      <dl className="facts">
        {patient.birthDate ? (
          <>
            <dt>{t('workbench.age')}</dt>
            <dd>{ageOn(patient.birthDate, shanghaiDate(new Date()))}</dd>
          </>
        ) : null}
        {patient.phone ? (
          <>
            <dt>{t('workbench.phone')}</dt>
            <dd>{patient.phone}</dd>
          </>
        ) : null}
        <dt>{t('workbench.tags')}</dt>
        <dd>
          {patient.tags.length === 0
            ? '—'
            : patient.tags.map((tag) => (
                <span key={tag} className="tag">
                  {known(`tag.${tag}`) ? t(`tag.${tag}` as MessageKey) : tag}
                </span>
              ))}
        </dd>
        <dt>{t('workbench.specialDates')}</dt>
        <dd>
          {patient.specialDates
            .map(
              (d) => `${known(`specialDate.${d.kind}`) ? t(`specialDate.${d.kind}` as MessageKey) : d.kind} ${d.date}`,
            )
            .join('；') || '—'}
        </dd>
      </dl>
      <div className="columns">
        <Timeline title="workbench.recentDispensings" events={patient.recentDispensings} />
        <Timeline title="workbench.recentTreatments" events={patient.recentTreatments} />
        <FollowUps items={patient.pastFollowUps} />
      </div>
    </section>
  );
}
