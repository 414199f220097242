import { useTranslation } from 'react-i18next';
import type { ShiftView } from '../../../src/contract/shift';

/** Every station central knows (the shift view of an attached station): its newest entry and who worked there this shift. */
export function FloorList({ floor }: { floor: ShiftView['floor'] }) {
  const { t, i18n } = useTranslation();
  if (floor.length === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  return (
    <>
      <h3>{t('central.shiftFloor.title')}</h3>
      <ul className="central-floor" data-testid="central-floor">
        {floor.map((s) => (
          <li key={s.stationId} data-testid="central-floor-station" data-station={s.stationId}>
            <strong>
              {s.stationId}
              {s.name !== s.stationId ? ` · ${s.name}` : ''}
            </strong>{' '}
            ·{' '}
            {s.lastEntry
              ? t('central.shiftFloor.lastEntry', {
                  what: [s.lastEntry.typeName, s.lastEntry.actor, s.lastEntry.orderNumber].filter(Boolean).join(' · '),
                  at: time.format(new Date(s.lastEntry.at)),
                })
              : t('central.shiftFloor.nothing')}{' '}
            · {s.people.length > 0 ? t('central.shiftFloor.people', { names: s.people.map((p) => p.name).join(', ') }) : t('central.shiftFloor.nobody')}
          </li>
        ))}
      </ul>
    </>
  );
}
