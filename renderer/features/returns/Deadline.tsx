import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdown, countdownText, deadlineTone, type DeadlineView } from './deadlines';

const TICK_MS = 30_000;

/** A deadline counting down (or, past it, counting up in red): its kind, its last day and the time left. */
export function Deadline({ deadline, compact = false }: { deadline: DeadlineView; compact?: boolean }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const left = countdown(deadline.endsAt, now);
  const tone = left.overdue ? 'overdue' : deadlineTone(deadline);
  const text = t(left.overdue ? 'returns.deadline.overdue' : 'returns.deadline.left', { lastDay: deadline.lastDay, time: countdownText(left) });
  return (
    <span className={`deadline deadline-${tone}`} data-testid="deadline" data-tone={tone}>
      {!compact && <strong>{t(`returns.deadline.${deadline.kind}`)}: </strong>}
      {text}
    </span>
  );
}
