import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../src/domain/user';
import { errorText } from '../../i18n/error-text';
import { useAdminStore } from './adminStore';
import { ShiftsSection } from './ShiftsSection';
import { CentralSection } from '../central/CentralSection';

/** Every station's name and language (and automatic logout), the shifts, and central's alarms and parked shop events; printers stay under Settings at each station. */
export function StationsPanel() {
  const { t } = useTranslation();
  const { stations, error, saved, loadStations, saveStation } = useAdminStore();
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => void loadStations(), [loadStations]);
  return (
    <section className="console-panel" aria-labelledby="stations-title">
      <h2 id="stations-title">{t('console.stations.title')}</h2>
      {error && (
        <p className="notice error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {saved === 'saved' && !error && (
        <p className="notice ok" role="status">
          {t('console.saved.saved')}
        </p>
      )}
      <div className="console-table">
        <table data-testid="stations">
          <thead>
            <tr>
              <th scope="col">{t('console.stations.id')}</th>
              <th scope="col">{t('console.stations.name')}</th>
              <th scope="col">{t('console.stations.language')}</th>
              <th scope="col">{t('console.stations.idle')}</th>
            </tr>
          </thead>
          <tbody>
            {stations.map((station) => (
              <tr key={station.id} data-testid="station-row" data-station={station.id}>
                <td>{station.id}</td>
                <td>
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void saveStation({ stationId: station.id, name: names[station.id] ?? station.name });
                    }}
                  >
                    <input
                      aria-label={t('console.stations.nameOf', { station: station.id })}
                      value={names[station.id] ?? station.name}
                      onChange={(e) => setNames({ ...names, [station.id]: e.target.value })}
                    />
                    <button type="submit">{t('console.stations.rename')}</button>
                  </form>
                </td>
                <td>
                  <select
                    aria-label={t('console.stations.languageOf', { station: station.id })}
                    value={station.language}
                    onChange={(e) => void saveStation({ stationId: station.id, language: e.target.value as Language })}
                  >
                    {LANGUAGES.map((l) => (
                      <option key={l} value={l}>
                        {t(`language.${l}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('console.stations.idleOf', { station: station.id })}
                    value={String(station.idleLogoutMinutes)}
                    onChange={(e) => void saveStation({ stationId: station.id, idleLogoutMinutes: Number(e.target.value) })}
                  >
                    {[...new Set([5, 10, 15, 30, 60, station.idleLogoutMinutes])]
                      .sort((a, b) => a - b)
                      .map((m) => (
                        <option key={m} value={m}>
                          {t('console.stations.minutes', { n: m })}
                        </option>
                      ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShiftsSection />
      <CentralSection />
    </section>
  );
}
