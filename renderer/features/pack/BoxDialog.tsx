import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src/contract/methods';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useScan } from '../../scanner/useScan';
import { routeScan } from '../../scanner/scans';
import { usePackStore } from './packStore';

/** Box types as big buttons (arrows + Enter, or a click); scanning a box code works as well. */
export function BoxDialog({ parcel }: { parcel: number }) {
  const { t } = useTranslation();
  const [boxes, setBoxes] = useState<MethodOutput<'pack.boxes'>>([]);
  const { act, setDialog } = usePackStore();
  const close = () => setDialog(null);

  useEffect(() => {
    void call('pack.boxes', {}).then((result) => result.ok && setBoxes(result.value));
  }, []);

  useScan((code) => {
    close();
    void routeScan(code, 'wedge');
  });

  const choose = async (boxCode: string) => {
    if ((await act('pack.parcel.box', { parcel, boxCode }, 'boxChosen')) === null) close();
  };

  return (
    <Dialog title={t('pack.boxDialog.title', { no: parcel })} onClose={close} className="pack-dialog" testId="box-dialog">
      <p className="hint">{t('pack.boxDialog.hint')}</p>
      <div className="box-choices">
        {boxes.map((box, i) => (
          <button key={box.code} type="button" autoFocus={i === 0} onClick={() => void choose(box.code)} data-box={box.code}>
            <strong>{box.code}</strong> {box.name} <span className="muted">({t('pack.grams', { grams: box.tareGrams })})</span>
          </button>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('pack.boxDialog.close')}
        </button>
      </div>
    </Dialog>
  );
}
