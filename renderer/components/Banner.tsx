import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeys } from '../keyboard/useKeys';
import { useScan } from '../scanner/useScan';
import { playSound, type SoundKind } from './sound';

export type BannerKind = 'ok' | 'error' | 'warning' | 'info';

const SOUND: Record<BannerKind, SoundKind | null> = { ok: 'ok', error: 'error', warning: 'notice', info: null };

interface BannerProps {
  kind: BannerKind;
  title: string;
  detail?: string;
  /** When given, the banner blocks the screen until Enter, Escape or the button acknowledges it. */
  onAcknowledge?: () => void;
}

/** Full-width verdict or error: colour per kind, large type, its own sound when it appears. */
export function Banner({ kind, title, detail, onAcknowledge }: BannerProps) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const blocking = onAcknowledge !== undefined;

  useEffect(() => {
    const sound = SOUND[kind];
    if (sound) playSound(sound);
  }, [kind, title, detail]);

  useEffect(() => {
    if (!blocking) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    button.current?.focus();
    return () => previous?.focus();
  }, [blocking]);

  // A blocking banner holds the keys as a dialog does: Enter or Escape answers it, the screen behind waits.
  const acknowledge = () => onAcknowledge?.();
  useKeys('dialog', { Enter: acknowledge, Escape: acknowledge }, blocking);

  // While an error waits for its acknowledgement, a scan does not count: it only repeats the alarm.
  useScan(() => playSound('error'), blocking);

  const banner = (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-kind={kind}>
      <div className="banner-title">{title}</div>
      {detail && <div className="banner-detail">{detail}</div>}
      {blocking && (
        <button ref={button} type="button" className="banner-ack" onClick={onAcknowledge}>
          {t('banner.acknowledge')}
        </button>
      )}
    </div>
  );
  return blocking ? <div className="banner-overlay">{banner}</div> : banner;
}
