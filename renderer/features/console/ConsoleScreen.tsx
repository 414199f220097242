import './console.css';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader';
import { useKeys } from '../../keyboard/useKeys';
import { CONSOLE_TABS, useConsoleStore, type ConsoleTab } from './consoleStore';
import { JournalPanel } from './JournalPanel';
import { ShiftPanel } from './ShiftPanel';
import { PeoplePanel } from './PeoplePanel';
import { BoxesPanel } from './BoxesPanel';
import { RulesPanel } from './RulesPanel';
import { StationsPanel } from './StationsPanel';
import { StatisticsPanel } from '../statistics/StatisticsScreen';
import { CarriersPanel } from '../carriers/CarriersPanel';
import { EndOfDayPanel } from './EndOfDayPanel';

/** Each panel of the console, with the function key that shows it. */
const PANELS: Record<ConsoleTab, { key: string; render: () => React.JSX.Element } | null> = {
  shift: { key: 'F1', render: () => <ShiftPanel /> },
  journal: { key: 'F2', render: () => <JournalPanel /> },
  users: { key: 'F3', render: () => <PeoplePanel /> },
  boxes: { key: 'F4', render: () => <BoxesPanel /> },
  rules: { key: 'F6', render: () => <RulesPanel /> },
  stations: { key: 'F7', render: () => <StationsPanel /> },
  statistics: { key: 'F8', render: () => <StatisticsPanel /> },
  carriers: { key: 'F9', render: () => <CarriersPanel /> },
  // The carriers' handover (closing a carrier's day) plugs in here as <EndOfDayPanel handover={…} />.
  endOfDay: { key: 'F10', render: () => <EndOfDayPanel /> },
};

/** The manager's console: the shift at a glance, the journal, and the stations run from their screens. */
export function ConsoleScreen() {
  const { t } = useTranslation();
  const { tab, show, close } = useConsoleStore();
  const tabs = CONSOLE_TABS.filter((name) => PANELS[name] !== null);
  const current = PANELS[tab] ?? PANELS[tabs[0]!]!;
  const keys: Record<string, () => void> = { Escape: close };
  for (const name of tabs) keys[PANELS[name]!.key] = () => show(name);
  useKeys('screen', keys);

  return (
    <div className="screen console-screen">
      <AppHeader />
      <main className="console-main">
        <div className="console-head">
          <h1>{t('console.title')}</h1>
          <div className="console-tabs" role="tablist" aria-label={t('console.title')}>
            {tabs.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={name === tab}
                data-testid={`console-tab-${name}`}
                onClick={() => show(name)}
                className={name === tab ? 'selected' : undefined}
              >
                <kbd>{PANELS[name]!.key}</kbd> {t(`console.tabs.${name}`)}
              </button>
            ))}
          </div>
          <button type="button" onClick={close}>
            <kbd>Esc</kbd> {t('console.back')}
          </button>
        </div>
        <div role="tabpanel">{current.render()}</div>
      </main>
    </div>
  );
}
