import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFStream, PDFString, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';
import type { FontFace } from '../fonts/face';
import type { Faces } from '../fonts/faces';
import { PageCanvas, type FaceName } from './canvas';

const STREAM = Buffer.from('\nstream\n', 'latin1');
const END_STREAM = Buffer.from('\nendstream', 'latin1');

/**
 * A raw stream written with one block copy: pdf-lib copies stream contents a byte at a time,
 * which for the two embedded fonts was a tenth of a label's time. Same bytes, same layout.
 */
class BlockCopyStream extends PDFStream {
  static block(dict: PDFDict, contents: Uint8Array): BlockCopyStream {
    return new BlockCopyStream(dict, contents);
  }

  private constructor(
    dict: PDFDict,
    private readonly contents: Uint8Array,
  ) {
    super(dict);
  }

  override clone(): BlockCopyStream {
    return new BlockCopyStream(this.dict.clone(), this.contents.slice());
  }

  override getContents(): Uint8Array {
    return this.contents;
  }

  override getContentsSize(): number {
    return this.contents.length;
  }

  override getContentsString(): string {
    return Buffer.from(this.contents).toString('latin1');
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    this.updateDict();
    const start = offset;
    offset += this.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM, offset);
    offset += STREAM.length;
    buffer.set(this.contents, offset);
    offset += this.contents.length;
    buffer.set(END_STREAM, offset);
    return offset + END_STREAM.length - start;
  }
}

/** PDFNumber objects keep their text once made, so a face's widths are converted only once. */
const widthNumbers = new WeakMap<FontFace, PDFNumber[]>();

function widthsArray(context: PDFContext, face: FontFace): PDFArray {
  let numbers = widthNumbers.get(face);
  if (!numbers) {
    numbers = face.advances.map((w) => PDFNumber.of(w));
    widthNumbers.set(face, numbers);
  }
  const inner = PDFArray.withContext(context);
  for (const n of numbers) inner.push(n);
  const outer = PDFArray.withContext(context);
  outer.push(PDFNumber.of(0));
  outer.push(inner);
  return outer;
}

/** A Type0 font with Identity-H encoding over the precomputed subset (PDF 32000 9.7). */
function embedFace(context: PDFContext, face: FontFace): PDFRef {
  const fontFile = context.register(BlockCopyStream.block(context.obj({ Filter: 'FlateDecode', Length1: face.fontFileLength }), face.fontFile));
  const toUnicode = context.register(BlockCopyStream.block(context.obj({ Filter: 'FlateDecode' }), face.toUnicode));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: face.baseName,
      Flags: 4,
      FontBBox: face.bbox,
      ItalicAngle: 0,
      Ascent: face.ascent,
      Descent: face.descent,
      CapHeight: face.capHeight,
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: face.baseName,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    CIDToGIDMap: 'Identity',
  });
  cidFont.set(PDFName.of('W'), widthsArray(context, face));
  const cidRef = context.register(cidFont);
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: face.baseName,
      Encoding: 'Identity-H',
      DescendantFonts: [cidRef],
      ToUnicode: toUnicode,
    }),
  );
}

/** A PDF made of PageCanvas pages; fonts are embedded once, only those a page used. */
export class PdfBuilder {
  private readonly pages: PageCanvas[] = [];

  constructor(
    private readonly faces: Faces,
    private readonly title: string,
  ) {}

  addPage(width: number, height: number): PageCanvas {
    const page = new PageCanvas(width, height, this.faces);
    this.pages.push(page);
    return page;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  replacedCharacters(): string[] {
    return [...new Set(this.pages.flatMap((p) => p.replaced))];
  }

  async save(): Promise<Uint8Array> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(this.title);
    doc.setProducer('Packdesk');
    const context = doc.context;
    const used = new Set<FaceName>(this.pages.flatMap((p) => [...p.usedFaces]));
    const fontRefs = new Map<FaceName, PDFRef>();
    for (const name of used) fontRefs.set(name, embedFace(context, this.faces[name]));
    for (const canvas of this.pages) {
      const page = doc.addPage([canvas.width, canvas.height]);
      const contents = deflateSync(Buffer.from(canvas.source(), 'latin1'));
      page.node.set(PDFName.of('Contents'), context.register(BlockCopyStream.block(context.obj({ Filter: 'FlateDecode' }), contents)));
      for (const [name, ref] of fontRefs) page.node.setFontDictionary(PDFName.of(name === 'bold' ? 'F2' : 'F1'), ref);
    }
    return doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
  }
}
