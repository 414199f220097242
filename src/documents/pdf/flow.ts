import type { Faces } from '../fonts/faces';
import type { PageCanvas } from './canvas';
import type { PdfBuilder } from './document';
import { wrap } from './text-box';

const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };
export const PAGE_MARGIN = 15 * MM;
const FOOTER = 14;

/**
 * Content flowing down A4 pages: when the next block does not fit, a new page starts with the
 * document's running header (drawn by `startPage`). Page numbers "n / m" are written at the end,
 * when m is known.
 */
export class Flow {
  page!: PageCanvas;
  y = 0;
  private readonly pages: PageCanvas[] = [];

  constructor(
    private readonly pdf: PdfBuilder,
    readonly faces: Faces,
    /** Draws the running header of a new page and returns where content starts. */
    private readonly startPage: (page: PageCanvas, pageIndex: number) => number,
  ) {
    this.newPage();
  }

  get width(): number {
    return A4.width - 2 * PAGE_MARGIN;
  }

  get bottom(): number {
    return A4.height - PAGE_MARGIN - FOOTER;
  }

  newPage(): void {
    this.page = this.pdf.addPage(A4.width, A4.height);
    this.pages.push(this.page);
    this.y = this.startPage(this.page, this.pages.length - 1);
  }

  /** Starts a new page unless `height` more points fit on this one. Returns true on a break. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  /** "Page n / m" and the running title at the foot of every page. */
  finish(footer: string): void {
    this.pages.forEach((page, i) => {
      const text = `${footer}   ·   Page ${i + 1} / ${this.pages.length}`;
      page.line(PAGE_MARGIN, A4.height - PAGE_MARGIN - 10, A4.width - PAGE_MARGIN, A4.height - PAGE_MARGIN - 10, 0.4);
      page.text(PAGE_MARGIN, A4.height - PAGE_MARGIN, text, 7.5);
    });
  }
}

export interface Column {
  title: string;
  /** Share of the table width. */
  share: number;
}

export interface TableStyle {
  size: number;
  /** Printed above the table, and again with "(continued)" on every further page. */
  title: string;
}

const PAD = 3;

function drawHeader(flow: Flow, columns: Column[], style: TableStyle, continued: boolean): void {
  flow.page.text(PAGE_MARGIN, flow.y + style.size + 3, continued ? `${style.title} (continued)` : style.title, style.size + 2, 'bold');
  flow.y += style.size + 8;
  let x = PAGE_MARGIN;
  const rowHeight = style.size + 2 * PAD;
  flow.page.rect(PAGE_MARGIN, flow.y + rowHeight - 0.8, flow.width, 0.8);
  for (const column of columns) {
    flow.page.text(x + PAD, flow.y + PAD + style.size, column.title, style.size, 'bold');
    x += column.share * flow.width;
  }
  flow.y += rowHeight + 1;
}

/**
 * A table whose rows wrap inside their cells and flow onto further pages, repeating the title
 * and the header row. A row is never split across pages.
 */
export function drawTable(flow: Flow, columns: Column[], rows: string[][], style: TableStyle): void {
  const lineHeight = style.size * 1.2;
  const headerHeight = 2 * style.size + 8 + 2 * PAD + 1;
  flow.ensure(headerHeight + lineHeight + 2 * PAD);
  drawHeader(flow, columns, style, false);
  for (const row of rows) {
    const cells = columns.map((column, i) => wrap(flow.faces.regular, row[i] ?? '', style.size, column.share * flow.width - 2 * PAD));
    const height = Math.max(...cells.map((c) => c.length)) * lineHeight + 2 * PAD;
    if (flow.ensure(height)) drawHeader(flow, columns, style, true);
    let x = PAGE_MARGIN;
    cells.forEach((lines, i) => {
      lines.forEach((line, n) => flow.page.text(x + PAD, flow.y + PAD + style.size + n * lineHeight, line, style.size));
      x += (columns[i]?.share ?? 0) * flow.width;
    });
    flow.y += height;
    flow.page.line(PAGE_MARGIN, flow.y, PAGE_MARGIN + flow.width, flow.y, 0.3);
  }
  flow.y += 10;
}
