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
          <th>{t('workbench.purpose')}</th>
          <th>{t('filter.channel')}</th>
          <th>{t('workbench.dueAt')}</th>
          <th>{t('workbench.priority')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.taskId} data-task={item.taskId} className={item.taskId === activeTaskId ? 'active' : undefined}>
            <td>{item.patientName}</td>
            <td>{item.purpose}</td>
            <td>{t(`channel.${item.channel}`)}</td>
            <td>{formatInstant(item.dueAt, locale)}</td>
            <td>{item.priority}</td>
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
