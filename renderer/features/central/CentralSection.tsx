import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { useFloorStore } from './floorStore';
import { ReadFromNotice } from './ReadFromNotice';

/** The stations tab's part about central: its replication alarms and the shop events it set aside, each sent again with one button. */
export function CentralSection() {
  const { t, i18n } = useTranslation();
  const { floor, error, requeued, load, requeue } = useFloorStore();
  useEffect(() => {
    void load();
    return () => useFloorStore.getState().reset();
  }, [load]);
  if (!floor) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="central-section" aria-labelledby="central-title" data-testid="central-section">
      <h3 id="central-title">{t('central.floor.title')}</h3>
      {floor.readFrom === 'station' && <p className="notice">{t('central.floor.notAttached')}</p>}
      <ReadFromNotice readFrom={floor.readFrom === 'station-only' ? 'station-only' : undefined} />
      {error && (
        <p className="notice error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {requeued && (
        <p className="notice ok" role="status">
          {t(requeued.requeued ? 'central.floor.requeued' : 'central.floor.notRequeued', { id: requeued.id })}
        </p>
      )}
      {floor.readFrom === 'central' && (
        <>
          <h4>{t('central.floor.alarms')}</h4>
          {floor.alarms.length === 0 ? (
            <p className="notice ok">{t('central.floor.noAlarms')}</p>
          ) : (
            <ul className="central-alarms" data-testid="central-alarms">
              {floor.alarms.map((a) => (
                <li key={a.id} role="alert" data-station={a.stationId}>
                  {t('central.floor.alarm', {
                    station: a.stationId,
                    seq: a.seq,
                    fault: t(`central.floor.faults.${a.fault}`),
                    message: a.message,
                    times: a.times,
                    at: time.format(new Date(a.lastAt)),
                  })}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('central.floor.parked')}</h4>
          <p>{t('central.floor.counts', floor.counts)}</p>
          {floor.parked.length === 0 ? (
            <p className="notice">{t('central.floor.noParked')}</p>
          ) : (
            <div className="console-table">
              <table data-testid="central-parked">
                <thead>
                  <tr>
                    <th scope="col">{t('central.floor.columns.station')}</th>
                    <th scope="col">{t('central.floor.columns.order')}</th>
                    <th scope="col">{t('central.floor.columns.type')}</th>
                    <th scope="col">{t('central.floor.columns.attempts')}</th>
                    <th scope="col">{t('central.floor.columns.error')}</th>
                    <th scope="col">{t('central.floor.columns.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {floor.parked.map((e) => (
                    <tr key={e.centralId} data-testid="central-parked-event" data-id={e.centralId}>
                      <td>{e.stationId}</td>
                      <td>{e.orderNumber}</td>
                      <td>{t(`console.shift.outbox.${e.type}`)}</td>
                      <td>{e.attempts}</td>
                      <td>{e.lastError ?? ''}</td>
                      <td>
                        <button type="button" onClick={() => void requeue(e.centralId)}>
                          {t('central.floor.requeue')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
