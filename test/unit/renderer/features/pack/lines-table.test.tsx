import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PackingView } from '../../../../../src/contract/packing';
import { LinesTableView } from '../../../../../renderer/features/pack/LinesTable';
import { startI18n } from '../../../../../renderer/i18n';
import { mugView } from '../../../../support/packing-view';

/** Order PD-1's mugs and a vase the catalogue marks fragile, as the core sends them. */
function withVase(): PackingView {
  const view = mugView(0, 2);
  return { ...view, lines: [...view.lines, { ...view.lines[0]!, lineId: 2, sku: 'VASE-01', name: 'Vase', ordered: 1, fragile: true }] };
}

/** Each line's row of the table as rendered: its SKU and whether it shows the fragile mark (and with what word). */
function rows(view: PackingView): [string, string | null][] {
  const html = renderToStaticMarkup(createElement(LinesTableView, { lines: view.lines, currentSku: null }));
  return [...html.matchAll(/<tr class="line[^"]*" data-sku="([^"]+)"[\s\S]*?<\/tr>/g)].map((m) => [
    m[1]!,
    /<span class="tag tag-fragile">([^<]+)<\/span>/.exec(m[0])?.[1] ?? null,
  ]);
}

describe("the packing screen's order lines", () => {
  it('mark a fragile product’s line, and only that one, in English and Polish', async () => {
    const i18n = startI18n('en');
    expect(rows(withVase())).toEqual([
      ['MUG-01', null],
      ['VASE-01', 'Fragile'],
    ]);
    await i18n.changeLanguage('pl');
    expect(rows(withVase())).toEqual([
      ['MUG-01', null],
      ['VASE-01', 'Delikatne'],
    ]);
    await i18n.changeLanguage('en');
  });
});
