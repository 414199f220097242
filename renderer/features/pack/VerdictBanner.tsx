import { useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { afterNextPaint } from '../../components/afterPaint';
import { playSound, type SoundKind } from '../../components/sound';
import { errorText } from '../../i18n/error-text';
import { measureWhenPainted } from '../../scanner/timing';
import { usePackStore, type Shown } from './packStore';
import { lineCount, scannedText, VERDICT_LOOK, verdictHelp } from './verdicts';

/** Notices that are bad news: they look and sound like a refusal. */
const WARNING_NOTICES = new Set(['weightOff']);

/** What an answer sounds like: a verdict its own tone, a refusal or a bad notice the alarm. */
function soundOf(shown: Shown): SoundKind | null {
  if (shown.outcome) return VERDICT_LOOK[shown.outcome.verdict].sound;
  if (shown.error) return 'error';
  if (shown.notice) return WARNING_NOTICES.has(shown.notice) ? 'error' : 'notice';
  return null;
}

/**
 * The full-width answer to the last scan, readable from a metre away: colour and sound per verdict.
 * It subscribes to the last answer only, so a scan repaints this and what the scan changed.
 */
export function VerdictBanner() {
  const { t } = useTranslation();
  const shown = usePackStore((s) => s.shown);
  const pending = usePackStore((s) => s.view?.pending ?? null);
  // The banner goes by the view at once; the table shows the same count a frame later (packStore.ts).
  const lines = usePackStore((s) => s.view?.lines);
  const seq = shown?.seq;

  useEffect(() => {
    if (!shown) return;
    const sound = soundOf(shown);
    // With the verdict's frame, not before it: building the tones must not hold the colour back.
    if (sound) afterNextPaint(() => playSound(sound));
    // Only a new answer sounds; re-renders of the same one stay silent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq]);

  useLayoutEffect(() => {
    if (shown?.timed) measureWhenPainted();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq]);

  let tone = 'idle';
  let title = t('pack.scanNext');
  let detail: string | null = null;
  if (shown?.error) {
    tone = 'warning';
    title = errorText(t, shown.error);
  } else if (shown?.outcome) {
    const { verdict, units } = shown.outcome;
    tone = VERDICT_LOOK[verdict].tone;
    title = t(`pack.verdict.${verdict}`);
    const help = verdictHelp(t, shown.outcome);
    const counted = lineCount(t, shown.outcome, lines);
    detail = [scannedText(t, shown.outcome), units > 0 && t('pack.units', { count: units }), counted, help].filter(Boolean).join(' — ') || null;
  } else if (shown?.notice) {
    tone = WARNING_NOTICES.has(shown.notice) ? 'warning' : 'notice';
    title = t(`pack.notice.${shown.notice}`, shown.noticeParams);
  }
  // A waiting question outranks the last notice: it is what the next scan answers.
  if (pending && pending.kind !== 'error' && !shown?.error && (!shown?.outcome || tone !== 'prompt')) {
    tone = 'prompt';
    title = t(`pack.verdict.${pending.kind}_required`);
    detail = `${pending.name} · ${pending.sku}`;
  }
  // A date is typed, not scanned: say which lot it is for and how to write it, whoever asked.
  if (tone === 'prompt' && pending?.kind === 'expiry') detail = [detail, t('pack.prompt.expiry', { lot: pending.lot })].filter(Boolean).join(' — ');

  return (
    <div
      className={`verdict verdict-${tone}`}
      role={tone === 'warning' ? 'alert' : 'status'}
      data-testid="verdict"
      data-tone={tone}
      data-verdict={shown?.outcome?.verdict ?? ''}
    >
      <div className="verdict-title">{title}</div>
      {detail && <div className="verdict-detail">{detail}</div>}
    </div>
  );
}
