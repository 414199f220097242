import fc from 'fast-check';
import { gs1CheckDigit } from '../../../../src/domain/barcode/gtin';
import type { AiComponent } from '../../../../src/domain/barcode/gs1-ai';
import type { AiElement } from '../../../../src/domain/barcode/gs1';
import { validateElement } from '../../../../src/domain/barcode/gs1';
import { GS1_AI_TABLE } from '../../../../src/domain/barcode/gs1-ai-table';

const ALPHABETS = {
  N: '0123456789',
  X: '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
  Y: '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  Z: '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A value for one component that passes its syntax tests, built rather than filtered for. */
function componentValue(c: AiComponent): fc.Arbitrary<string> {
  const length = fc.integer({ min: c.min, max: c.max });
  const chars = (n: number) => fc.string({ unit: fc.constantFrom(...ALPHABETS[c.charset]), minLength: n, maxLength: n });
  const has = (name: string) => c.linters.includes(name);
  if (has('csum')) return chars(c.max - 1).map((d) => d + gs1CheckDigit(d));
  if (has('yymmd0') || has('yymmdd') || has('yyyymmdd') || has('yyyymmd0')) {
    const fourDigits = has('yyyymmdd') || has('yyyymmd0');
    const dayZero = has('yymmd0') || has('yyyymmd0');
    return fc
      .record({ y: fc.integer({ min: 0, max: 99 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: dayZero ? 0 : 1, max: 28 }) })
      .map(({ y, m, d }) => (fourDigits ? `20${pad2(y)}` : pad2(y)) + pad2(m) + pad2(d));
  }
  if (has('hhmi')) return fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => pad2(h) + pad2(m));
  if (has('hh')) return fc.integer({ min: 0, max: 23 }).map(pad2);
  if (has('mi') || has('ss')) return fc.integer({ min: 0, max: 59 }).map(pad2);
  if (has('zero')) return fc.constant('0');
  if (has('yesno')) return fc.constantFrom('0', '1');
  if (has('winding')) return fc.constantFrom('0', '1', '9');
  if (has('hyphen')) return fc.constant('-');
  if (has('pieceoftotal')) return fc.integer({ min: 1, max: 99 }).chain((t) => fc.integer({ min: 1, max: t }).map((p) => pad2(p) + pad2(t)));
  if (has('nonzero') || has('nozeroprefix')) return length.chain((n) => chars(n - 1).map((rest) => `1${rest}`));
  return length.chain(chars);
}

/** A valid element for a random AI of the table. */
export const validElement: fc.Arbitrary<AiElement> = fc
  .constantFrom(...Object.keys(GS1_AI_TABLE))
  .chain((ai) => {
    const components = GS1_AI_TABLE[ai]?.components ?? [];
    // Optional components are all-or-nothing from some point on; take a random prefix of them.
    const required = components.filter((c) => !c.optional).length;
    return fc
      .integer({ min: required, max: components.length })
      .chain((count) => fc.tuple(...components.slice(0, count).map(componentValue)))
      .map((parts) => ({ ai, value: parts.join('') }));
  })
  // Syntax tests this file does not build for (ISO codes, IBAN, coupons…) are not checked by the
  // parser either, so nearly nothing is filtered out here.
  .filter(({ ai, value }) => validateElement(ai, value) === null);

/** Several valid elements, each AI at most once (a repeat would have to repeat its value). */
export const validElementList = fc.uniqueArray(validElement, { minLength: 1, maxLength: 6, selector: (e) => e.ai });
