import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from '../../../../src/domain/barcode/digital-link';
import { interpretScan } from '../../../../src/domain/barcode/scan';

// Vectors from the GS1 Digital Link standard's examples and gs1/gs1-syntax-engine's dl.c tests
// (test_dl_parseDLuri), written as the AIs each URI stands for.
const VALID: [uri: string, ais: [string, string][], stem: string][] = [
  [
    'https://id.gs1.org/01/09501101530003/10/ABC',
    [
      ['01', '09501101530003'],
      ['10', 'ABC'],
    ],
    'https://id.gs1.org',
  ],
  [
    'https://brand.example.com/01/09501101530003/10/ABC',
    [
      ['01', '09501101530003'],
      ['10', 'ABC'],
    ],
    'https://brand.example.com',
  ],
  ['https://brand.example.com/some-extra/pathinfo/01/09520123456788', [['01', '09520123456788']], 'https://brand.example.com/some-extra/pathinfo'],
  ['HTTPS://a/00/006141411234567890', [['00', '006141411234567890']], 'HTTPS://a'],
  ['http://a/00/faux/00/006141411234567890', [['00', '006141411234567890']], 'http://a/00/faux'], // the rightmost key wins
  // Qualifiers in the dictionary's order 22, 10, 21 (any may be left out), or 235 alone.
  [
    'https://id.gs1.org/01/09520123456788/22/2A',
    [
      ['01', '09520123456788'],
      ['22', '2A'],
    ],
    'https://id.gs1.org',
  ],
  [
    'https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ',
    [
      ['01', '12312312312333'],
      ['22', 'TEST'],
      ['10', 'ABC'],
      ['21', 'XYZ'],
    ],
    'https://a',
  ],
  [
    'https://a/01/12312312312333/235/TEST',
    [
      ['01', '12312312312333'],
      ['235', 'TEST'],
    ],
    'https://a',
  ],
  [
    'https://id.gs1.org/414/9520123456788/254/32a%2Fb',
    [
      ['414', '9520123456788'],
      ['254', '32a/b'],
    ],
    'https://id.gs1.org',
  ],
  // Query AIs after the path AIs, in the order given.
  [
    'https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426',
    [
      ['01', '09520123456788'],
      ['10', 'ABC1'],
      ['21', '12345'],
      ['17', '180426'],
    ],
    'https://id.gs1.org',
  ],
  [
    'https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225',
    [
      ['01', '09520123456788'],
      ['3103', '000195'],
      ['3922', '0299'],
      ['17', '201225'],
    ],
    'https://example.com',
  ],
  [
    'https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123',
    [
      ['00', '952012345678912345'],
      ['02', '09520123456788'],
      ['37', '25'],
      ['10', 'ABC123'],
    ],
    'https://id.gs1.org',
  ],
  [
    'https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123',
    [
      ['01', '09520123456788'],
      ['235', 'XYZ'],
      ['10', 'ABC123'],
    ],
    'https://id.gs1.org',
  ],
  // A query (01) may be a GTIN-8/12/13; it is padded to GTIN-14, as the reference parser does.
  [
    'https://example.com/8004/9520614141234567?01=9520123456788',
    [
      ['8004', '9520614141234567'],
      ['01', '09520123456788'],
    ],
    'https://example.com',
  ],
  // Percent-decoding; "+" is itself in the path and a space only in the query.
  [
    'https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987',
    [
      ['01', '12312312312333'],
      ['22', 'ABC-123'],
      ['99', 'ABC'],
      ['98', 'XYZ/987'],
    ],
    'https://a',
  ],
  [
    'https://a/01/12312312312333/22/ABC+123',
    [
      ['01', '12312312312333'],
      ['22', 'ABC+123'],
    ],
    'https://a',
  ],
  // Named parameters, valueless ones, stray "&" and the fragment are not AIs.
  [
    'https://a/01/12312312312333?&&singleton&utm_source=qr&99=ABC&&98=XYZ#fragment',
    [
      ['01', '12312312312333'],
      ['99', 'ABC'],
      ['98', 'XYZ'],
    ],
    'https://a',
  ],
  ['https://[2001:db8::1]:8443/01/12312312312333', [['01', '12312312312333']], 'https://[2001:db8::1]:8443'],
  // The short names of Digital Link 1.0.
  [
    'https://id.gs1.org/gtin/09501101530003/lot/ABC/ser/XYZ',
    [
      ['01', '09501101530003'],
      ['10', 'ABC'],
      ['21', 'XYZ'],
    ],
    'https://id.gs1.org',
  ],
  ['https://a/sscc/006141411234567890', [['00', '006141411234567890']], 'https://a'],
];

const NOT_DIGITAL_LINKS: [uri: string, why: string][] = [
  ['https://example.com/products/123', 'no primary key in the path'],
  ['https://example.com/2024/01/15/article', 'a path that is no AI/value pairs'],
  ['https://id.gs1.org/99/123', 'a path without a primary key'],
  ['ftp://a/01/09501101530003', 'not http(s)'],
  ['HtTps://a/01/09501101530003', 'a mixed-case scheme'],
  ['https://a', 'no path'],
  ['https:///01/09501101530003', 'no domain'],
  ['https://$a/01/09501101530003', 'a bad character in the domain'],
  ['https://a/01/0950110153000 3', 'a space, which a URI cannot hold'],
  ['https://a/01/09501101530003/', 'ends in a slash (an empty value)'],
  ['https://a/01//10/ABC', 'an empty path value'],
  ['https://a/01/09501101530003/21/S1/10/L1', 'qualifiers out of order'],
  ['https://a/01/09501101530003/8011/1', 'a qualifier of another key'],
  ['https://a/01/09501101530003/89/ABC', 'an unknown AI in the path'],
  ['https://a/01/09501101530003?999=faux', 'an unknown numeric query parameter'],
  ['https://a/01/09501101530003?99=', 'an empty query value'],
  ['https://a/01/09501101530003?10=ABC', 'a query AI that belongs in the path'],
  ['https://a/01/09501101530003/10/ABC?99=X&10=ABC', 'an AI given twice'],
  ['https://a/01/09501101530003?99=X&99=X', 'a query AI given twice'],
  ['https://a/01/09501101530003?7040=1ABC', 'a query AI that is no data attribute'],
  ['https://a/01/09501101530003/10/A%00B', 'an encoded NUL'],
];

describe('parseDigitalLink', () => {
  it.each(VALID)('reads %s', (uri, ais, stem) => {
    const link = parseDigitalLink(uri);
    expect(link).toMatchObject({ stem, parsed: { ok: true } });
    if (!link?.parsed.ok) return;
    expect(link.parsed.elements.map((e) => [e.ai, e.value])).toEqual(ais);
  });

  it.each(NOT_DIGITAL_LINKS)('leaves %s as text: %s', (uri) => {
    expect(parseDigitalLink(uri)).toBeNull();
  });

  it.each([
    ['https://id.gs1.org/01/09501101530004', 'bad_check_digit', '01'],
    ['https://id.gs1.org/01/0950110153000', 'too_short', '01'], // (01) is 14 digits in the path, as in an element string
    ['https://id.gs1.org/01/09501101530003?17=261331', 'bad_date', '17'],
    ['https://id.gs1.org/01/09501101530003/10/ABCDEFGHIJKLMNOPQRSTU', 'too_long', '10'],
    ['https://id.gs1.org/01/09501101530003/10/A%7EB', 'bad_character', '10'], // "~" is outside CSET 82
    ['https://a/01/12312312312333?98=XYZ+987', 'bad_character', '98'], // "+" decodes to a space in the query
    ['https://id.gs1.org/8010/ABC/8011/012', 'bad_value', '8011'],
  ])('checks the AIs of %s as an element string: %s', (uri, code, ai) => {
    expect(parseDigitalLink(uri)).toMatchObject({ parsed: { ok: false, problem: { code, ai } } });
  });
});

describe('interpretScan reads Digital Link URIs as GS1 data', () => {
  it('in a QR Code, a Data Matrix and from a wedge scanner', () => {
    const uri = 'https://id.gs1.org/01/09501101530003/10/ABC?17=261231';
    const expected = {
      kind: 'gs1',
      gtin: '09501101530003',
      ais: { '01': '09501101530003', '10': 'ABC', '17': '261231' },
      aiList: [
        { ai: '01', value: '09501101530003' },
        { ai: '10', value: 'ABC' },
        { ai: '17', value: '261231' },
      ],
      digitalLink: { stem: 'https://id.gs1.org' },
    };
    expect(interpretScan(uri)).toEqual({ ...expected, raw: uri });
    expect(interpretScan(`]Q1${uri}`)).toEqual({ ...expected, raw: `]Q1${uri}`, symbology: ']Q1' });
    expect(interpretScan(`]d1${uri}`)).toMatchObject({ ...expected, symbology: ']d1' });
  });

  it('reads an SSCC link as an SSCC and a brand domain like id.gs1.org', () => {
    expect(interpretScan('https://id.gs1.org/00/952012345678912345')).toMatchObject({ kind: 'sscc', sscc: '952012345678912345' });
    expect(interpretScan('https://example.com/01/09501101530003')).toMatchObject({
      kind: 'gs1',
      gtin: '09501101530003',
      digitalLink: { stem: 'https://example.com' },
    });
  });

  it('reports a broken check digit or date like an element string, naming the AI', () => {
    expect(interpretScan(']Q1https://id.gs1.org/01/09501101530004')).toMatchObject({ problem: 'bad_check_digit', detail: { ai: '01', symbology: ']Q1' } });
    expect(interpretScan('https://id.gs1.org/01/09501101530003?17=261331')).toMatchObject({
      problem: 'gs1_invalid',
      detail: { ai: '17', reason: 'bad_date' },
    });
  });

  it('leaves other URLs, and a URL under a GS1 identifier, as they were', () => {
    expect(interpretScan('https://example.com/products/123')).toEqual({ kind: 'text', raw: 'https://example.com/products/123' });
    expect(interpretScan('https://a/01/09501101530003/21/S1/10/L1')).toMatchObject({ kind: 'text' });
    // ]Q3 says the data is an element string; a URI there is not one.
    expect(interpretScan(']Q3https://id.gs1.org/01/09501101530003')).toMatchObject({ problem: 'gs1_invalid' });
  });
});
