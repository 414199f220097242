import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { usePackStore } from './packStore';

/** Only at a station without a scale: the weight read off another scale, typed in grams. */
export function WeightDialog({ parcel }: { parcel: number }) {
  const { t } = useTranslation();
  const { weigh, setDialog } = usePackStore();
  const [grams, setGrams] = useState('');
  const amount = Number(grams);
  const valid = Number.isInteger(amount) && amount >= 1;
  return (
    <Dialog title={t('pack.weightDialog.title', { no: parcel })} onClose={() => setDialog(null)} className="pack-dialog" testId="weight-dialog">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (valid && (await weigh(parcel, amount, 'weighed')) === null) setDialog(null);
        }}
      >
        <label htmlFor="typed-grams">{t('pack.weightDialog.label')}</label>
        <div className="entry-row">
          <input id="typed-grams" type="number" min={1} inputMode="numeric" value={grams} onChange={(e) => setGrams(e.target.value)} />
          <button type="submit" disabled={!valid}>
            {t('pack.weightDialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
