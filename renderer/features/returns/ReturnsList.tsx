import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../api/client';
import { Deadline } from './Deadline';
import { useReturnsStore } from './returnsStore';

/** Open returns by deadline, overdue ones red and on top, and the parcels held that are not ours; live through returns.changed. */
export function ReturnsList() {
  const { t } = useTranslation();
  const { list, loadList, show, showNotOurs } = useReturnsStore();
  useEffect(() => void loadList(), [loadList]);
  useEffect(() => subscribe('returns.changed', () => void loadList()), [loadList]);
  const overdue = list.returns.filter((r) => r.deadline.overdue).length;

  return (
    <section className="returns-list" aria-label={t('returns.listTitle')}>
      <div className="queue-heading">
        <h2>{t('returns.listTitle')}</h2>
        {overdue > 0 && (
          <span className="overdue-count" data-testid="overdue-count">
            {t('returns.overdueCount', { count: overdue })}
          </span>
        )}
      </div>
      {list.returns.length === 0 ? (
        <p className="muted">{t('returns.listEmpty')}</p>
      ) : (
        <table className="returns-table" data-testid="returns-table">
          <thead>
            <tr>
              <th>{t('returns.listHead.number')}</th>
              <th>{t('returns.listHead.type')}</th>
              <th>{t('returns.listHead.order')}</th>
              <th>{t('returns.listHead.customer')}</th>
              <th>{t('returns.listHead.stage')}</th>
              <th>{t('returns.listHead.items')}</th>
              <th>{t('returns.listHead.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {list.returns.map((r) => (
              <tr
                key={r.number}
                className={r.deadline.overdue || r.deemedAccepted ? 'overdue' : undefined}
                data-testid="returns-row"
                data-number={r.number}
                data-order={r.orderNumber}
              >
                <td>
                  <button type="button" className="link-row" onClick={() => void show(r.number)}>
                    {r.number}
                  </button>
                </td>
                <td>{t(`returns.typeShort.${r.type}`)}</td>
                <td>{r.orderNumber}</td>
                <td>{r.customerName}</td>
                <td>{t(`returns.stage.${r.stage}`)}</td>
                <td>{r.items}</td>
                <td>
                  <Deadline deadline={r.deadline} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.notOurs.length > 0 && (
        <>
          <h2>{t('returns.notOursHeld')}</h2>
          <ul className="candidate-list">
            {list.notOurs.map((p) => (
              <li key={p.number} className={p.hold.overdue ? 'overdue' : undefined} data-testid="not-ours-row" data-number={p.number}>
                <button type="button" className="link-row" onClick={() => void showNotOurs(p.number)}>
                  <strong>{p.number}</strong> · {p.senderName} {p.tracking && <>· {p.tracking}</>} · {t(`returns.parcelStatus.${p.status}`)} ·{' '}
                  <Deadline deadline={p.hold} compact />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
