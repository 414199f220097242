import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeScan } from '../../scanner/scans';

/**
 * A code typed by hand (a torn label, a scanner that died): the same pipeline as a scan, marked
 * 'manual' in the journal. Scanner bursts never land here; the wedge module takes them back.
 */
export const ManualEntry = forwardRef<HTMLInputElement>(function ManualEntry(_props, ref) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <form
      className="manual-entry"
      onSubmit={(event) => {
        event.preventDefault();
        const typed = code;
        setCode('');
        void routeScan(typed, 'manual');
      }}
    >
      <label htmlFor="manual-code">
        <kbd>F9</kbd> {t('pack.manualLabel')}
      </label>
      <input
        id="manual-code"
        ref={ref}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onKeyDown={(e) => {
          // Escape leaves the field first (the screen's Escape leaves it to the field); a second
          // Escape puts the order back.
          if (e.key === 'Escape' && document.activeElement === e.currentTarget) {
            e.preventDefault();
            e.stopPropagation();
            setCode('');
            e.currentTarget.blur();
          }
        }}
      />
      <button type="submit" disabled={code.trim() === ''}>
        {t('pack.manualSubmit')}
      </button>
    </form>
  );
});
