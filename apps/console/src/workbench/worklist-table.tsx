import { type WorklistItem } from '../api/outreach-api';
import { formatInstant } from '../format/shanghai-time';
import { useLocale } from '../i18n/locale-context';

export function WorklistTable({
  items,
  activeTaskId,
  onClaim,
}: {
  readonly items: readonly WorklistItem[];
  readonly activeTaskId: string | undefined;
  readonly onClaim: (item: WorklistItem) => void;
}) {
  const { t, locale } = useLocale();
  if (items.length === 0) return <p className="muted">{t('workbench.empty')}</p>;
  return (
    <table data-testid="worklist">
      <thead>
        <tr>
          <th>{t('common.name')}</th>
          <th>{t('workbench.phone')}</th>
          <th>{t('workbench.purpose')}</th>
          <th>{t('workbench.callSlot')}</th>
          <th>{t('workbench.dueAt')}</th>
          <th>{t('workbench.priority')}</th>
          <th>{t('workbench.attempts')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.taskId} data-task={item.taskId} className={item.taskId === activeTaskId ? 'active' : undefined}>
            <td>{item.patientName ?? '—'}</td>
            <td>{item.phone ?? '—'}</td>
            <td>{t(`purpose.${item.purpose}`)}</td>
            <td>{item.callSlot ?? '—'}</td>
            <td>{formatInstant(item.dueAt, locale)}</td>
            <td>{t(`priority.${item.priority}`)}</td>
            <td>{item.attempts}</td>
            <td>
              <button type="button" onClick={() => onClaim(item)} disabled={item.taskId === activeTaskId}>
                {item.taskId === activeTaskId ? t('workbench.claimed') : t('workbench.claim')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
