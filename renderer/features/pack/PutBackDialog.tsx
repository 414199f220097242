import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { usePackStore } from './packStore';

/**
 * Escape asks before the order goes back to the queue: one stray key must not undo a half-packed
 * parcel's place at the table. Enter puts it back (its progress is kept); Escape keeps packing.
 */
export function PutBackDialog({ orderNumber }: { orderNumber: string }) {
  const { t } = useTranslation();
  const { close, setDialog } = usePackStore();
  const confirm = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={t('pack.putBackDialog.title', { number: orderNumber })}
      onClose={() => setDialog(null)}
      className="pack-dialog"
      testId="put-back-dialog"
      initialFocus={confirm}
    >
      <p>{t('pack.putBackDialog.detail')}</p>
      <div className="entry-row">
        <button
          ref={confirm}
          type="button"
          className="primary"
          onClick={() => {
            setDialog(null);
            void close();
          }}
        >
          {t('pack.putBackDialog.confirm')}
        </button>
        <button type="button" onClick={() => setDialog(null)}>
          {t('pack.putBackDialog.keep')}
        </button>
      </div>
    </Dialog>
  );
}
