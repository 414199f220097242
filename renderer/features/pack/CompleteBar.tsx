import { memo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockerView, PackingView } from '../../../src/contract/packing';
import { ManualEntry } from './ManualEntry';
import { usePackStore } from './packStore';
import { SHORTCUTS, type ShortcutAction } from './shortcuts';

function blockerText(t: (key: string, options?: Record<string, unknown>) => string, blocker: BlockerView): string {
  switch (blocker.kind) {
    case 'lines_incomplete':
      return t('pack.blocker.lines_incomplete', { count: blocker.lineIds.length });
    case 'weight_out_of_tolerance':
      return t('pack.blocker.weight_out_of_tolerance', {
        parcel: blocker.parcel,
        actual: Math.round(blocker.actualGrams),
        expected: Math.round(blocker.expectedGrams),
        allowed: Math.round(blocker.allowedGrams),
      });
    case 'parcel_empty':
    case 'box_missing':
    case 'weight_missing':
      return t(`pack.blocker.${blocker.kind}`, { parcel: blocker.parcel });
    default:
      return t(`pack.blocker.${blocker.kind}`);
  }
}

interface CompleteBarProps {
  onAction: (action: ShortcutAction) => void;
  /** The typed-code field at the end of the keys row, for the screen to focus (F9, an expiry to type). */
  manualRef: Ref<HTMLInputElement>;
}

const NO_BLOCKERS: BlockerView[] = [];
const NO_OVERRIDES: PackingView['overrides'] = [];

/**
 * The way out: what still blocks completion, in words, next to Complete; and every key on screen.
 * Follows the blockers and overrides only (as the panels show them, a frame after a scan's verdict):
 * a scan that changes neither leaves it alone.
 */
export const CompleteBar = memo(function CompleteBar({ onAction, manualRef }: CompleteBarProps) {
  const { t } = useTranslation();
  const blockers = usePackStore((s) => s.panels.view?.blockers ?? NO_BLOCKERS);
  const overrides = usePackStore((s) => s.panels.view?.overrides ?? NO_OVERRIDES);
  const canComplete = usePackStore((s) => s.panels.view?.canComplete ?? false);
  const busy = usePackStore((s) => s.busy);
  return (
    <footer className="pack-footer">
      <div className="pack-blockers" data-testid="blockers">
        {canComplete ? (
          <strong className="ready">{t('pack.ready')}</strong>
        ) : (
          <>
            <strong>{t('pack.blockersTitle')}</strong>
            <ul>
              {blockers.map((blocker, i) => (
                <li key={i} className={`blocker blocker-${blocker.kind}`}>
                  {blockerText(t, blocker)}
                </li>
              ))}
            </ul>
          </>
        )}
        {overrides.length > 0 && (
          <div className="pack-overrides">
            {t('pack.overrides', { list: overrides.map((o) => `${t(`pack.overrideKind.${o.kind}`)} (${o.managerName}: ${o.reason})`).join('; ') })}
          </div>
        )}
      </div>
      <div className="pack-keys" role="toolbar" aria-label={t('pack.keysLabel')}>
        {SHORTCUTS.filter((s) => s.action !== 'complete' && s.action !== 'manual').map((s) => (
          <button key={s.key} type="button" className="key-button" onClick={() => onAction(s.action)}>
            <kbd>{s.key === 'Escape' ? 'Esc' : s.key}</kbd> {t(`pack.keys.${s.action}`)}
          </button>
        ))}
        <ManualEntry ref={manualRef} />
      </div>
      <button type="button" className="complete-button" data-testid="complete" disabled={!canComplete || busy} onClick={() => onAction('complete')}>
        <kbd>F10</kbd> {t('pack.keys.complete')}
      </button>
    </footer>
  );
});
