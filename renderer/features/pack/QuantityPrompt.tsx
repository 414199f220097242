import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePackStore } from './packStore';

/** A bulk line: one scan, then the count typed here. Enter submits; the answer comes like a scan's. */
export function QuantityPrompt({ name, max }: { name: string; max: number }) {
  const { t } = useTranslation();
  const quantity = usePackStore((s) => s.quantity);
  const [value, setValue] = useState(String(max));
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const amount = Number(value);
  const valid = Number.isInteger(amount) && amount >= 1;

  return (
    <form
      className="quantity-prompt"
      data-testid="quantity-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void quantity(amount);
      }}
    >
      <label htmlFor="pack-quantity">{t('pack.prompt.quantity', { name, max })}</label>
      <div className="entry-row">
        <input id="pack-quantity" ref={input} type="number" min={1} max={max} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" disabled={!valid}>
          {t('pack.prompt.quantitySubmit')}
        </button>
      </div>
      <p className="hint small">{t('pack.prompt.cancel')}</p>
    </form>
  );
}
