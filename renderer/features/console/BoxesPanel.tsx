import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRow } from '../../components/FormRow';
import { errorText } from '../../i18n/error-text';
import { useAdminStore } from './adminStore';
import { CardReady } from './CardReady';

const EMPTY = { code: '', name: '', tareGrams: '', lengthMm: '', widthMm: '', heightMm: '' };

/** Box types: code (what its label scans as), size and tare; withdrawn ones are kept for the parcels that name them. */
export function BoxesPanel() {
  const { t } = useTranslation();
  const { boxes, saving, error, saved, card, loadBoxes, saveBox, boxLabel, printBoxLabel } = useAdminStore();
  const [form, setForm] = useState(EMPTY);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void loadBoxes();
    first.current?.focus();
  }, [loadBoxes]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await saveBox({
      code: form.code,
      name: form.name,
      tareGrams: Number(form.tareGrams),
      lengthMm: Number(form.lengthMm),
      widthMm: Number(form.widthMm),
      heightMm: Number(form.heightMm),
      active: true,
    });
    if (done) setForm(EMPTY);
  };
  const field = (key: keyof typeof EMPTY, numeric = false) => (
    <FormRow label={t(`console.boxes.${key}`)}>
      <input
        ref={key === 'code' ? first : undefined}
        name={key}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        inputMode={numeric ? 'numeric' : undefined}
        pattern={numeric ? '\\d+' : undefined}
        size={numeric ? 6 : 14}
        required
        autoComplete="off"
      />
    </FormRow>
  );

  return (
    <section className="console-panel" aria-labelledby="boxes-title">
      <h2 id="boxes-title">{t('console.boxes.title')}</h2>
      <form className="console-form journal-filters" onSubmit={(e) => void submit(e)} aria-label={t('console.boxes.save')}>
        {field('code')}
        {field('name')}
        {field('lengthMm', true)}
        {field('widthMm', true)}
        {field('heightMm', true)}
        {field('tareGrams', true)}
        <button type="submit" className="primary" disabled={saving}>
          {t('console.boxes.save')}
        </button>
      </form>
      <p className="hint">{t('console.boxes.hint')}</p>
      {error && (
        <p className="notice error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {(saved === 'saved' || saved === 'labelSent') && !error && (
        <p className="notice ok" role="status">
          {t(`console.saved.${saved}`)}
        </p>
      )}
      {card && <CardReady card={card} />}
      <div className="console-table">
        <table data-testid="boxes">
          <thead>
            <tr>
              <th scope="col">{t('console.boxes.code')}</th>
              <th scope="col">{t('console.boxes.name')}</th>
              <th scope="col">{t('console.boxes.size')}</th>
              <th scope="col">{t('console.boxes.tareGrams')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {boxes.map((box) => (
              <tr key={box.code} data-testid="box" data-code={box.code} className={box.active ? undefined : 'inactive'}>
                <td>{box.code}</td>
                <td>
                  {box.name}
                  {!box.active && ` (${t('console.boxes.withdrawn')})`}
                </td>
                <td>
                  {box.lengthMm} × {box.widthMm} × {box.heightMm} mm
                </td>
                <td>{box.tareGrams} g</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      setForm({
                        code: box.code,
                        name: box.name,
                        tareGrams: String(box.tareGrams),
                        lengthMm: String(box.lengthMm),
                        widthMm: String(box.widthMm),
                        heightMm: String(box.heightMm),
                      })
                    }
                  >
                    {t('console.boxes.edit')}
                  </button>{' '}
                  <button type="button" disabled={saving} onClick={() => void boxLabel(box.code, box.name)}>
                    {t('console.boxes.label')}
                  </button>{' '}
                  <button type="button" disabled={saving} onClick={() => void printBoxLabel(box.code)}>
                    {t('console.boxes.printLabel')}
                  </button>{' '}
                  <button
                    type="button"
                    disabled={saving}
                    onClick={() =>
                      void saveBox({
                        code: box.code,
                        name: box.name,
                        tareGrams: box.tareGrams,
                        lengthMm: box.lengthMm,
                        widthMm: box.widthMm,
                        heightMm: box.heightMm,
                        active: !box.active,
                      })
                    }
                  >
                    {box.active ? t('console.boxes.withdraw') : t('console.boxes.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
