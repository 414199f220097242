import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftStationView } from '../../../src/contract/shift';
import { subscribe } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import { FloorList } from '../central/FloorList';
import { ReadFromNotice } from '../central/ReadFromNotice';
import { useShiftStore } from './shiftStore';

/** Bursts of scans come as bursts of events: the view is read again at most this often. */
const RELOAD_AFTER_MS = 250;
/** And every so often anyway, in case an event was missed while the stream reconnected. */
const REFRESH_EVERY_MS = 30_000;

/** How long ago, in words a manager reads at a glance: "12 s", "4 min", "2 h 5 min". */
export function sinceText(t: (key: string, values?: Record<string, unknown>) => string, from: string | null, now: number): string {
  if (!from) return t('console.shift.never');
  const seconds = Math.max(0, Math.round((now - Date.parse(from)) / 1000));
  if (seconds < 60) return t('console.shift.seconds', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('console.shift.minutes', { n: minutes });
  return t('console.shift.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** Every station now, what is stuck, and what waits for a manager; it follows the stations as they work. */
export function ShiftPanel() {
  const { t, i18n } = useTranslation();
  const { view, error, releasing, load, release } = useShiftStore();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void load();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = subscribe('shift.changed', () => {
      timer ??= setTimeout(() => {
        timer = null;
        void load();
      }, RELOAD_AFTER_MS);
    });
    const refresh = setInterval(() => void load(), REFRESH_EVERY_MS);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      stop();
      if (timer) clearTimeout(timer);
      clearInterval(refresh);
      clearInterval(tick);
    };
  }, [load]);

  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  return (
    <section className="console-panel shift-panel" aria-labelledby="shift-title">
      <h2 id="shift-title">{t('console.shift.title')}</h2>
      {error && (
        <p className="notice error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {view && (
        <>
          <ReadFromNotice readFrom={view.readFrom} />
          <ul className="shift-stations" aria-label={t('console.shift.stations')}>
            {view.stations.map((station) => (
              <StationCard key={station.id} station={station} now={now} />
            ))}
          </ul>
          <FloorList floor={view.floor} />
          <h3>{t('console.shift.stuck')}</h3>
          {view.stuckOrders.length === 0 ? (
            <p className="notice">{t('console.shift.noStuck')}</p>
          ) : (
            <div className="console-table">
              <table data-testid="stuck-orders">
                <thead>
                  <tr>
                    <th scope="col">{t('console.shift.columns.order')}</th>
                    <th scope="col">{t('console.shift.columns.station')}</th>
                    <th scope="col">{t('console.shift.columns.packer')}</th>
                    <th scope="col">{t('console.shift.columns.since')}</th>
                    <th scope="col">{t('console.shift.columns.packed')}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {view.stuckOrders.map((order) => (
                    <tr key={order.orderNumber} data-testid="stuck-order" data-order={order.orderNumber}>
                      <td>
                        {order.orderNumber} · {order.customerName}
                      </td>
                      <td>{order.stationId}</td>
                      <td>{t('console.shift.notLoggedIn', { name: order.packer })}</td>
                      <td>{time.format(new Date(order.lockedAt))}</td>
                      <td>{t('console.shift.units', { count: order.unitsPacked })}</td>
                      <td>
                        <button type="button" disabled={releasing === order.orderNumber} onClick={() => void release(order.orderNumber)}>
                          {t('console.shift.release', { order: order.orderNumber })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{t('console.shift.parked')}</h3>
          {view.parkedSync.length === 0 ? (
            <p className="notice">{t('console.shift.noParked')}</p>
          ) : (
            <ul data-testid="parked-sync">
              {view.parkedSync.map((event) => (
                <li key={event.id}>
                  {t(`console.shift.outbox.${event.type}`)} · {event.orderNumber} · {event.lastError ?? ''}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('console.shift.failedPrints')}</h3>
          {view.failedPrints.length === 0 ? (
            <p className="notice">{t('console.shift.noFailedPrints')}</p>
          ) : (
            <ul data-testid="failed-prints">
              {view.failedPrints.map((job) => (
                <li key={job.jobId}>
                  {job.stationId} · {t(`printing.kind.${job.documentKind}`)}
                  {job.orderNumber ? ` · ${job.orderNumber}` : ''} · {t('console.shift.attempts', { count: job.attempts })}
                  {job.reason ? ` · ${job.reason}` : ''}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('console.shift.returnsDue')}</h3>
          {view.returnsDue.length === 0 ? (
            <p className="notice">{t('console.shift.noReturnsDue')}</p>
          ) : (
            <ul data-testid="returns-due">
              {view.returnsDue.map((r) => (
                <li key={`${r.stationId}:${r.returnId}`}>
                  {r.stationId} · {r.orderNumber} · {r.customerName} · {time.format(new Date(r.deadline))}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function StationCard({ station, now }: { station: ShiftStationView; now: number }) {
  const { t } = useTranslation();
  const order = station.order;
  const percent = order && order.units.ordered > 0 ? Math.round((order.units.packed / order.units.ordered) * 100) : 0;
  const camera = station.camera.problem
    ? t(`console.shift.camera.${station.camera.problem}`)
    : station.camera.mode === 'off'
      ? t('console.shift.camera.off')
      : station.camera.recording
        ? t('console.shift.camera.recording')
        : t(`console.shift.camera.${station.camera.mode}`);
  const printers =
    station.printers.missing.length > 0
      ? t('console.shift.printers.missing', { kinds: station.printers.missing.map((k) => t(`printing.kind.${k}`)).join(', ') })
      : station.printers.failedJobs > 0
        ? t('console.shift.printers.failed', { count: station.printers.failedJobs })
        : t('console.shift.printers.ready');
  return (
    <li className="shift-station" data-testid="shift-station" data-station={station.id}>
      <h4>
        {station.name} <span className="shift-station-id">({station.id})</span>
      </h4>
      <p data-testid="shift-bounds">{t('console.shift.currentShift', { start: station.shift.start, end: station.shift.end })}</p>
      <p data-testid="shift-people">
        {station.logins.length === 0 ? t('console.shift.nobody') : station.logins.map((l) => `${l.name} (${t(`roles.${l.role}`)})`).join(', ')}
      </p>
      {order ? (
        <div className="shift-order" data-testid="shift-order" data-order={order.number}>
          <p>
            <strong>{order.number}</strong> · {order.customerName} · {order.packer}
            {!order.packerLoggedIn && ` · ${t('console.shift.packerGone')}`}
          </p>
          <progress max={100} value={percent} aria-label={t('console.shift.progress', { packed: order.units.packed, ordered: order.units.ordered })} />
          <p data-testid="shift-progress">
            {t('console.shift.progress', { packed: order.units.packed, ordered: order.units.ordered })} ·{' '}
            {t('console.shift.lines', { complete: order.lines.complete, total: order.lines.total })}
            {order.waiting && ` · ${t('console.shift.waiting')}`}
          </p>
        </div>
      ) : (
        <p className="shift-order idle">{t('console.shift.noOrder')}</p>
      )}
      <p data-testid="shift-last-scan">{t('console.shift.lastScan', { since: sinceText(t, station.lastScanAt, now) })}</p>
      <p className={station.printers.missing.length > 0 || station.printers.failedJobs > 0 ? 'shift-warn' : undefined}>
        {t('console.shift.printers.title')}: {printers}
      </p>
      <p className={station.camera.problem ? 'shift-warn' : undefined}>
        {t('console.shift.camera.title')}: {camera}
      </p>
    </li>
  );
}
