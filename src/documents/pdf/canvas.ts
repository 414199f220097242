import type { Faces } from '../fonts/faces';
import { printable } from '../fonts/coverage';

export type FaceName = keyof Faces;

/** Two decimals are a hundredth of a point, far finer than any printer; trailing zeros go. */
export function num(n: number): string {
  // Rounding first also rules out exponent notation, which PDF does not accept.
  return String(Math.round(n * 100) / 100);
}

function hex4(n: number): string {
  return (n < 0x10 ? '000' : n < 0x100 ? '00' : n < 0x1000 ? '0' : '') + n.toString(16);
}

/**
 * One page's drawing operators, in points with the origin at the TOP left (layouts flow
 * downwards); the PDF's bottom-left origin is applied here. Writing the operators as text
 * instead of through pdf-lib's per-operator objects keeps a label in a few milliseconds.
 */
export class PageCanvas {
  private readonly ops: string[] = [];
  readonly usedFaces = new Set<FaceName>();
  readonly replaced: string[] = [];
  private pendingFill = false;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly faces: Faces,
  ) {}

  /** A filled black rectangle; consecutive ones are filled together with one operator. */
  rect(x: number, top: number, w: number, h: number): void {
    this.ops.push(`${num(x)} ${num(this.height - top - h)} ${num(w)} ${num(h)} re`);
    this.pendingFill = true;
  }

  private flushFill(): void {
    if (this.pendingFill) this.ops.push('f');
    this.pendingFill = false;
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.5): void {
    this.flushFill();
    this.ops.push(`${num(width)} w ${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S`);
  }

  frame(x: number, top: number, w: number, h: number, width = 0.5): void {
    this.flushFill();
    this.ops.push(`${num(width)} w ${num(x)} ${num(this.height - top - h)} ${num(w)} ${num(h)} re S`);
  }

  /** Text with its baseline at `baseline` from the top. Returns the printed text. */
  text(x: number, baseline: number, content: string, size: number, face: FaceName = 'regular'): string {
    this.flushFill();
    const shaped = printable(this.faces[face], content);
    this.replaced.push(...shaped.replaced);
    this.usedFaces.add(face);
    let hex = '';
    for (const gid of shaped.gids) hex += hex4(gid);
    this.ops.push(`BT /${face === 'bold' ? 'F2' : 'F1'} ${num(size)} Tf ${num(x)} ${num(this.height - baseline)} Td <${hex}> Tj ET`);
    return shaped.text;
  }

  /** The content stream source. */
  source(): string {
    this.flushFill();
    return this.ops.join('\n');
  }
}
