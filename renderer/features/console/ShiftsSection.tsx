import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkShiftStarts } from '../../../src/domain/shifts';
import { useAdminStore } from './adminStore';

const split = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const joined = (starts: readonly string[]) => starts.join(', ');

/** Start times typed as "06:00, 14:00, 22:00": checked here in the reader's language before the station checks them again. */
function StartsForm(props: {
  label: string;
  initial: readonly string[];
  save: (starts: string[]) => Promise<boolean>;
  testId: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(joined(props.initial));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(joined(props.initial)), [props.initial]);
  return (
    <form
      className="inline-form"
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkShiftStarts(split(text));
        if (!checked.ok) return setProblem(t(`console.shifts.problems.${checked.problem}`, { time: checked.time ?? '' }));
        setProblem(null);
        void props.save(checked.starts);
      }}
    >
      <input aria-label={props.label} value={text} onChange={(e) => setText(e.target.value)} placeholder="06:00, 14:00, 22:00" />
      <button type="submit">{t('console.shifts.save')}</button>
      {props.children}
      {problem && (
        <span className="notice error" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

/** The warehouse's shift starts and each station's own: what the shift view and the statistics call a shift. */
export function ShiftsSection() {
  const { t } = useTranslation();
  const { shifts, loadShifts, saveShifts } = useAdminStore();
  useEffect(() => void loadShifts(), [loadShifts]);
  if (!shifts) return null;
  return (
    <section aria-labelledby="shifts-title" data-testid="shifts">
      <h3 id="shifts-title">{t('console.shifts.title')}</h3>
      <p>{t('console.shifts.hint')}</p>
      <StartsForm
        label={t('console.shifts.warehouse')}
        initial={shifts.warehouse.starts}
        testId="shifts-warehouse"
        save={(starts) => saveShifts({ stationId: null, starts })}
      />
      <div className="console-table">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.stations.id')}</th>
              <th scope="col">{t('console.shifts.zone')}</th>
              <th scope="col">{t('console.shifts.now')}</th>
              <th scope="col">{t('console.shifts.starts')}</th>
            </tr>
          </thead>
          <tbody>
            {shifts.stations.map((s) => (
              <tr key={s.stationId} data-testid="shift-pattern" data-station={s.stationId}>
                <td>{s.name}</td>
                <td>{s.timeZone}</td>
                <td>{t('console.shifts.current', { start: s.current.start, end: s.current.end })}</td>
                <td>
                  <StartsForm
                    label={t('console.shifts.startsOf', { station: s.name })}
                    initial={s.own ?? shifts.warehouse.starts}
                    testId="shifts-station"
                    save={(starts) => saveShifts({ stationId: s.stationId, starts })}
                  >
                    {s.own ? (
                      <button type="button" onClick={() => void saveShifts({ stationId: s.stationId, starts: null })}>
                        {t('console.shifts.followWarehouse')}
                      </button>
                    ) : (
                      <span>{t('console.shifts.followsWarehouse')}</span>
                    )}
                  </StartsForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
