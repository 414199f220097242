import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndOfDayView } from '../../../src/contract/shift';
import { subscribe } from '../../api/client';
import { carrierText } from '../../i18n/carriers';
import { errorText } from '../../i18n/error-text';
import { useShiftStore } from './shiftStore';

/**
 * Where a carrier's handover goes: the carriers feature renders closing the day (the manifest:
 * open, close, print, reprint) for one carrier's parcels. ConsoleScreen passes it in; without it
 * the panel only shows what waits.
 */
export type HandoverSlot = (carrier: EndOfDayView['carriers'][number]) => React.ReactNode;

const REFRESH_EVERY_MS = 30_000;

/** The end of the day per carrier: what the next handover takes, what went, and what is left out and why. */
export function EndOfDayPanel({ handover }: { handover?: HandoverSlot }) {
  const { t, i18n } = useTranslation();
  const { endOfDay, error, loadEndOfDay } = useShiftStore();
  useEffect(() => {
    void loadEndOfDay();
    const stop = subscribe('shift.changed', () => void loadEndOfDay());
    const refresh = setInterval(() => void loadEndOfDay(), REFRESH_EVERY_MS);
    return () => {
      stop();
      clearInterval(refresh);
    };
  }, [loadEndOfDay]);
  const date = endOfDay ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${endOfDay.date}T12:00:00Z`)) : '';
  return (
    <section className="console-panel" aria-labelledby="end-of-day-title" data-testid="end-of-day">
      <h2 id="end-of-day-title">{t('console.endOfDay.title', { date })}</h2>
      {error && (
        <p className="notice error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {endOfDay && endOfDay.carriers.length === 0 && endOfDay.leftOut.length === 0 && <p>{t('console.endOfDay.nothing')}</p>}
      {endOfDay?.carriers.map((c) => (
        <section key={c.carrier} aria-labelledby={`eod-${c.carrier}`} data-testid="end-of-day-carrier" data-carrier={c.carrier}>
          <h3 id={`eod-${c.carrier}`}>
            {carrierText(t, c.carrier, null)}: {t('console.endOfDay.ready', { count: c.ready.length })} ·{' '}
            {t('console.endOfDay.handedOver', { count: c.handedOver })}
          </h3>
          {c.ready.length > 0 && (
            <ul>
              {c.ready.map((p) => (
                <li key={`${p.orderNumber}/${p.parcelNo}`}>
                  {t('console.endOfDay.parcel', { order: p.orderNumber, no: p.parcelNo })} · {p.trackingNumber ?? '—'}
                </li>
              ))}
            </ul>
          )}
          {handover?.(c)}
        </section>
      ))}
      {endOfDay && endOfDay.leftOut.length > 0 && (
        <section aria-labelledby="eod-left-out">
          <h3 id="eod-left-out">{t('console.endOfDay.leftOut')}</h3>
          <ul data-testid="end-of-day-left-out">
            {endOfDay.leftOut.map((p) => (
              <li key={`${p.carrier}/${p.orderNumber}/${p.parcelNo}`}>
                {carrierText(t, p.carrier, null)} · {t('console.endOfDay.parcel', { order: p.orderNumber, no: p.parcelNo })}:{' '}
                {t(`console.endOfDay.reasons.${p.reason}`)}
                {p.detail ? ` (${p.detail})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
