import './scanner.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../components/Banner';
import { followReads } from './listener';

/** Long enough to be seen after the alarm is heard; the next scan read clears it at once. */
const SHOWN_MS = 6000;

let notices = 0;

/**
 * "Scan not read — scan again": a wedge scan that was cut off (no Enter came) is never sent and
 * never passes silently. Over every screen and dialog, red, with the error sound; each new one
 * sounds again.
 */
export function ScanNotRead() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<number | null>(null);

  useEffect(() => followReads((read) => setNotice(read === 'notRead' ? ++notices : null)), []);

  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  if (notice === null) return null;
  return (
    <div className="scan-not-read" data-testid="scan-not-read">
      <Banner key={notice} kind="error" title={t('scanner.notRead')} detail={t('scanner.notReadHelp')} />
    </div>
  );
}
