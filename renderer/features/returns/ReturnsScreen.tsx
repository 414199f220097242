import './returns.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RETURN_TYPES } from '../../../src/domain/returns';
import { roleAllows } from '../../../src/domain/user';
import { AppHeader } from '../../components/AppHeader';
import { useKeys } from '../../keyboard/useKeys';
import { useScan } from '../../scanner/useScan';
import { focusedTextField } from '../../scanner/field';
import { useStationStore } from '../../station/stationStore';
import { useReviewStore } from '../review/reviewStore';
import { IdentifyPane } from './IdentifyPane';
import { NotOursPane } from './NotOursPane';
import { PhotoDialog } from './PhotoDialog';
import { DecideDialog, NotOursDialog, OverrideDialog } from './ReturnsDialogs';
import { ReturnPane } from './ReturnPane';
import { ReturnsList } from './ReturnsList';
import { useReturnsStore } from './returnsStore';
import { returnsErrorText } from './words';

/** Whether the keyboard is in something that takes typed keys: then digits and arrows are its own. */
function typing(): boolean {
  return focusedTextField() !== null || document.activeElement instanceof HTMLSelectElement;
}

/** Whether the focus is on a control with its own Enter. */
function onControl(): boolean {
  const el = document.activeElement;
  return (
    el instanceof HTMLButtonElement ||
    el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLAnchorElement
  );
}

/**
 * The returns desk (issue 10): a parcel is scanned or typed, its order identified, a return of a
 * type opened, each item scanned and graded, the return decided and closed; a parcel that matches
 * nothing is recorded as not ours. Every action has a key; scans go to the desk, not to packing.
 */
export function ReturnsScreen() {
  const { t } = useTranslation();
  const language = useStationStore((s) => s.language);
  const manager = useStationStore((s) => (s.login ? roleAllows(s.login.user.role, ['manager']) : false));
  const store = useReturnsStore();
  const { pane, view, notOurs, searched, candidates, chosen, dialog, error, busy } = store;
  const [query, setQuery] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const returnOpen = pane === 'return' && view?.status === 'open';

  useEffect(() => field.current?.focus(), []);
  // With a return open, the hands are on the parcel, not in the identify field: the field lets go,
  // so an item's scan is judged as a scan whatever its pace, and never typed into the field.
  const openNumber = returnOpen ? view?.number : null;
  useEffect(() => {
    if (openNumber && document.activeElement === field.current) field.current?.blur();
  }, [openNumber]);
  const loadSettings = store.loadSettings;
  useEffect(() => void loadSettings(), [loadSettings]);

  // Every scan is the desk's: an item of the open return, else a parcel to identify. Never packing.
  useScan((code) => {
    if (returnOpen) return void store.scanItem(code);
    setQuery(code);
    // The hands go back to the field: Enter opens the chosen candidate, the arrows choose another.
    field.current?.focus();
    void store.identify(code);
  });

  const next = () => {
    store.back();
    setQuery('');
    field.current?.focus();
  };
  const showTimeline = () => {
    // A manager reads any order's timeline; a returns handler only the order of the return at hand.
    const order = manager ? (view?.orderNumber ?? candidates[chosen]?.number ?? notOurs?.linkedOrderNumber) : pane === 'return' ? view?.orderNumber : undefined;
    if (!order) return false;
    useReviewStore.getState().open();
    void useReviewStore.getState().load(order);
  };
  const ifReturn = (action: () => void) => () => (pane === 'return' && view ? action() : false);

  useKeys('screen', {
    F2: () => next(),
    F3: () => store.setPane('list'),
    F4: () => store.setDialog('notOurs'),
    F6: () => (pane === 'return' || (pane === 'notOurs' && notOurs) ? store.setDialog('photo') : false),
    F7: ifReturn(() => view?.status === 'open' && store.setDialog('override')),
    F8: ifReturn(() => view?.status === 'open' && store.setDialog('decide')),
    F9: ifReturn(() => view?.status === 'decided' && void store.close()),
    F10: () => showTimeline(),
    Escape: () => next(),
    // Enter on no control (the focus on the page itself) opens the chosen candidate.
    Enter: () => (pane === 'identify' && candidates.length > 0 && !onControl() ? void store.open() : false),
    ArrowDown: () => (pane === 'identify' && candidates.length > 0 && !typing() ? store.choose(chosen + 1) : false),
    ArrowUp: () => (pane === 'identify' && candidates.length > 0 && !typing() ? store.choose(chosen - 1) : false),
    ...Object.fromEntries(
      RETURN_TYPES.map((type, index) => [String(index + 1), () => (pane === 'identify' && candidates.length > 0 && !typing() ? store.setType(type) : false)]),
    ),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = query.trim();
    // The same text again with candidates shown opens the chosen one; new text is looked up.
    if (typed && typed === searched && candidates.length > 0 && pane === 'identify') void store.open();
    else if (typed) void store.identify(typed);
  };
  const onFieldKey = (event: React.KeyboardEvent) => {
    // The candidates' arrows also work from the field, where the handler's hands already are.
    if (pane !== 'identify' || candidates.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      store.choose(chosen + (event.key === 'ArrowDown' ? 1 : -1));
    }
  };

  return (
    <div className="screen returns-screen" data-testid="returns-screen">
      <AppHeader />
      <main className="returns-main">
        <div className="queue-heading">
          <h1>{t('returns.title')}</h1>
          <nav className="returns-actions">
            <button type="button" onClick={next}>
              {t('returns.next')}
            </button>
            <button type="button" onClick={() => store.setPane('list')} aria-pressed={pane === 'list'}>
              {t('returns.list')}
            </button>
            <button type="button" onClick={() => store.setDialog('notOurs')}>
              {t('returns.notOurs')}
            </button>
          </nav>
        </div>
        <p className="hint">{t('returns.scanHint')}</p>
        <form className="returns-identify" role="search" onSubmit={submit}>
          <label htmlFor="returns-query">{t('returns.identifyLabel')}</label>
          <input
            id="returns-query"
            ref={field}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onFieldKey}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="primary" disabled={busy || query.trim() === ''}>
            {t('returns.identify')}
          </button>
        </form>
        {error && (
          <p className="notice error returns-error" role="alert" data-testid="returns-error">
            {returnsErrorText(t, error, language)}
          </p>
        )}
        {pane === 'identify' && <IdentifyPane />}
        {pane === 'return' && view && (
          <>
            <ReturnPane view={view} />
            <nav className="returns-actions return-actions">
              <button type="button" onClick={() => store.setDialog('photo')}>
                {t('returns.photo')}
              </button>
              {view.status === 'open' && !view.eligibility.eligible && !view.eligibility.override && (
                <button type="button" onClick={() => store.setDialog('override')}>
                  {t('returns.override')}
                </button>
              )}
              {view.status === 'open' && (
                <button type="button" className="primary" onClick={() => store.setDialog('decide')} data-testid="decide">
                  {t('returns.decide')}
                </button>
              )}
              {view.status === 'decided' && (
                <button type="button" className="primary" onClick={() => void store.close()} data-testid="close-return">
                  {t('returns.closeReturn')}
                </button>
              )}
              <button type="button" onClick={showTimeline} data-testid="return-timeline">
                {t('returns.timeline')}
              </button>
            </nav>
            <p className="hint">{t('returns.keys')}</p>
          </>
        )}
        {pane === 'notOurs' && notOurs && <NotOursPane parcel={notOurs} />}
        {pane === 'list' && <ReturnsList />}
      </main>
      {dialog === 'override' && <OverrideDialog />}
      {dialog === 'decide' && <DecideDialog />}
      {dialog === 'notOurs' && <NotOursDialog />}
      {dialog === 'photo' && <PhotoDialog />}
    </div>
  );
}
