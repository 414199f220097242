/**
 * ZPL II field commands (Zebra ZPL II Programming Guide). Text goes out as UTF-8 under ^CI28,
 * hex-escaped with ^FH so that ^, ~ and _ in an address can never end or corrupt a field.
 */

/** Characters printed as they are; everything else is hex-escaped as UTF-8 bytes. */
const PLAIN = /^[A-Za-z0-9 .,:;\-/+()#&'"!?*=@%<>[\]{}|$]$/;

/**
 * Which letters Packdesk sends to the printer: Basic Latin, Latin-1 and Latin Extended-A are
 * in the resident scalable font under ^CI28; others print as their unaccented letter or "?".
 */
function printableOnZebra(text: string, replaced: string[]): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
    else if (cp <= 0x17f) out += ch;
    else {
      replaced.push(ch);
      const plain = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...plain].every((c) => (c.codePointAt(0) as number) <= 0x17f) && plain.length > 0 ? plain : '?';
    }
  }
  return out;
}

export function fieldHex(text: string): string {
  let out = '';
  for (const ch of text) {
    if (PLAIN.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export class ZplWriter {
  private readonly commands: string[] = [];
  readonly replaced: string[] = [];

  constructor(
    readonly widthDots: number,
    readonly heightDots: number,
  ) {
    this.commands.push('^XA', '^CI28', `^PW${widthDots}`, `^LL${heightDots}`, '^LH0,0');
  }

  /**
   * Text in the resident scalable font 0; with `block` it wraps in a field block of that width
   * and line count (lines beyond it would overprint, so callers size text to fit first).
   */
  text(x: number, y: number, height: number, text: string, block?: { width: number; lines: number; align?: 'L' | 'C' }): void {
    // Inside a field block, \& is ZPL's line break; it must stay outside the hex escaping.
    const data = text
      .split('\n')
      .map((line) => fieldHex(printableOnZebra(line, this.replaced)))
      .join(block ? '\\&' : ' ');
    const fb = block ? `^FB${block.width},${block.lines},0,${block.align ?? 'L'},0` : '';
    this.commands.push(`^FO${x},${y}^A0N,${height},${height}${fb}^FH^FD${data}^FS`);
  }

  /** A filled bar or a framed box (^GB). */
  box(x: number, y: number, width: number, height: number, thickness: number): void {
    this.commands.push(`^FO${x},${y}^GB${width},${height},${thickness}^FS`);
  }

  /** QR code, model 2, error correction M, automatic input mode (^BQ, field data "MA,"). */
  qr(x: number, y: number, magnification: number, data: string): void {
    this.commands.push(`^FO${x},${y}^BQN,2,${magnification}^FH^FDMA,${fieldHex(data)}^FS`);
  }

  /**
   * GS1-128 of an all-numeric element string: ^BC in subset C from the start (>;) with FNC1 (>8)
   * first, so the printer encodes exactly what GS1 requires. The interpretation line is ours.
   */
  gs1128(x: number, y: number, moduleDots: number, height: number, elementDigits: string): void {
    if (!/^(\d\d)+$/.test(elementDigits)) throw new RangeError('A subset-C GS1-128 needs an even number of digits');
    this.commands.push(`^BY${moduleDots},3,${height}`, `^FO${x},${y}^BCN,${height},N,N,N,N^FD>;>8${elementDigits}^FS`);
  }

  /**
   * GS1 DataMatrix (ECC 200) with "_" as the escape character, FNC1 written as _1 (first for GS1,
   * and as the separator after a variable-length AI).
   */
  gs1DataMatrix(x: number, y: number, moduleDots: number, elementString: string): void {
    this.commands.push(`^FO${x},${y}^BXN,${moduleDots},200,,,,_^FD_1${elementString.replaceAll('\u001d', '_1')}^FS`);
  }

  /** Plain Code 128 with the printer's own interpretation line (^BC, automatic subsets). */
  code128(x: number, y: number, moduleDots: number, height: number, data: string): void {
    this.commands.push(`^BY${moduleDots},3,${height}`, `^FO${x},${y}^BCN,${height},Y,N,N^FD${data.replace(/[\^~]/g, '')}^FS`);
  }

  source(): string {
    return [...this.commands, '^XZ'].join('\n') + '\n';
  }
}
