import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackingView } from '../../../src/contract/packing';
import { usePackStore } from './packStore';

type Line = PackingView['lines'][number];

const NO_LINES: Line[] = [];

function Progress({ packed, ordered }: { packed: number; ordered: number }) {
  const ratio = ordered === 0 ? 0 : Math.min(1, packed / ordered);
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={ordered} aria-valuenow={packed}>
      <div className="progress-fill" style={{ width: `${ratio * 100}%` }} />
      <span className="progress-text">
        {packed} / {ordered}
      </span>
    </div>
  );
}

/** One order line; re-renders only when its own numbers change. */
const LineRow = memo(function LineRow({ line, current }: { line: Line; current: boolean }) {
  const { t } = useTranslation();
  const state = line.complete ? 'complete' : line.packed > 0 ? 'started' : 'open';
  return (
    <tr className={`line line-${state}${current ? ' line-current' : ''}`} data-sku={line.sku} data-testid="pack-line">
      <td className="line-product">
        <div className="line-name">{line.name}</div>
        <div className="line-meta">
          <span className="sku">{line.sku}</span>
          {line.fragile && <span className="tag tag-fragile">{t('pack.fragile')}</span>}
          {line.tracking === 'serial' && <span className="tag tag-serial">{t('pack.serial')}</span>}
          {line.tracking === 'lot' && <span className="tag tag-lot">{t('pack.lot')}</span>}
          {line.bulk && <span className="tag tag-bulk">{t('pack.bulk')}</span>}
          {line.parts && <span className="tag tag-kit">{t('pack.kit')}</span>}
        </div>
        {line.parts && (
          <ul className="kit-parts">
            {line.parts.map((part) => (
              <li key={part.sku} className={part.packed >= part.perKit * line.ordered ? 'part-done' : undefined}>
                <span className="sku">{part.sku}</span> {part.name}{' '}
                <strong>
                  {part.packed} / {part.perKit * line.ordered}
                </strong>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="line-progress">
        <Progress packed={line.packed} ordered={line.ordered} />
      </td>
    </tr>
  );
}, sameLine);

/** Compares what the row shows (the store keeps an unchanged line's object, but a row must not depend on it). */
function sameLine(a: { line: Line; current: boolean }, b: { line: Line; current: boolean }): boolean {
  const partsPacked = (line: Line) => line.parts?.map((p) => p.packed).join(',') ?? '';
  return (
    a.current === b.current &&
    a.line.lineId === b.line.lineId &&
    a.line.packed === b.line.packed &&
    a.line.complete === b.line.complete &&
    a.line.bulk === b.line.bulk &&
    a.line.fragile === b.line.fragile &&
    partsPacked(a.line) === partsPacked(b.line)
  );
}

/** The order's lines with progress; the line the last scan touched is highlighted. */
export const LinesTable = memo(function LinesTable() {
  const lines = usePackStore((s) => s.panels.view?.lines ?? NO_LINES);
  const currentSku = usePackStore((s) => s.panels.scannedSku);
  return <LinesTableView lines={lines} currentSku={currentSku} />;
});

/** The table itself, from the lines and the SKU the last scan touched (null when none). */
export function LinesTableView({ lines, currentSku }: { lines: readonly Line[]; currentSku: string | null }) {
  const { t } = useTranslation();
  return (
    <table className="pack-lines">
      <thead>
        <tr>
          <th scope="col">{t('pack.product')}</th>
          <th scope="col" className="num">
            {t('pack.progress')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <LineRow
            key={line.lineId}
            line={line}
            current={currentSku !== null && (line.sku === currentSku || !!line.parts?.some((p) => p.sku === currentSku))}
          />
        ))}
      </tbody>
    </table>
  );
}
