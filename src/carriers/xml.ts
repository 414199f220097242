import { XMLParser } from 'fast-xml-parser';
import { CarrierFailure } from '../app/ports/carriers';
import { httpCall, serverError, type HttpConnection } from './http';

export type XmlAttributes = Record<string, string | number | boolean | null | undefined>;

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** Strips what XML 1.0 cannot carry at all (control characters), so a stray one in an address cannot break the envelope. */
function xmlText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' '));
}

/** An element with attributes (null and undefined ones left out) and already-serialised children. */
export function el(name: string, attributes: XmlAttributes | null, ...children: (string | null | undefined | false)[]): string {
  const attrs = Object.entries(attributes ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
  const inner = children.filter((c): c is string => typeof c === 'string').join('');
  return inner.length > 0 ? `<${name}${attrs}>${inner}</${name}>` : `<${name}${attrs}/>`;
}

/** A text element, or nothing when the value is null or undefined. */
export function leaf(name: string, value: string | number | boolean | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return `<${name}>${xmlText(String(value))}</${name}>`;
}

export function soapEnvelope(namespaces: Record<string, string>, body: string): string {
  const ns = Object.entries(namespaces)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${escapeXml(uri)}"`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"${ns}><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

export type XmlObject = { [name: string]: XmlValue };
export type XmlValue = string | XmlObject | XmlValue[];

/**
 * Reads XML into plain objects: namespace prefixes dropped, attributes as "@name", every value a
 * string (nothing is guessed into a number: a waybill with leading zeros stays as it is), and the
 * named elements always arrays so one item and many read the same.
 */
export function parseXml(xml: string, arrays: readonly string[] = []): XmlObject {
  const always = new Set(arrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => always.has(name),
  });
  return parser.parse(xml) as XmlObject;
}

export interface SoapFault {
  code: string;
  message: string;
  /** The text of the fault's detail, flattened. */
  detail: string;
  /** The names of the detail's elements (e.g. DeniedAccessWSException), which say what kind of fault it is. */
  detailNames: string[];
}

export interface SoapAnswer {
  /** The operation's response element (e.g. addShipmentResponse), or null for a fault. */
  response: XmlObject | null;
  fault: SoapFault | null;
}

function flatText(value: XmlValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(flatText).filter(Boolean).join('; ');
  return Object.entries(value)
    .filter(([k]) => !k.startsWith('@'))
    .map(([, v]) => flatText(v))
    .filter(Boolean)
    .join('; ');
}

/** The SOAP body's first element and any fault in it, from a document/literal envelope. */
export function readSoap(xml: string, arrays: readonly string[]): SoapAnswer {
  const doc = parseXml(xml, arrays);
  const envelope = doc.Envelope as XmlObject | undefined;
  const body = envelope?.Body as XmlObject | undefined;
  if (!body || typeof body !== 'object') throw new Error('not a SOAP envelope');
  const fault = body.Fault as XmlObject | undefined;
  if (fault) {
    return {
      response: null,
      fault: {
        code: flatText(fault.faultcode),
        message: flatText(fault.faultstring),
        detail: flatText(fault.detail),
        detailNames:
          fault.detail && typeof fault.detail === 'object' && !Array.isArray(fault.detail) ? Object.keys(fault.detail).filter((k) => !k.startsWith('@')) : [],
      },
    };
  }
  const name = Object.keys(body).find((k) => !k.startsWith('@'));
  const response = name ? body[name] : undefined;
  return { response: response && typeof response === 'object' && !Array.isArray(response) ? response : {}, fault: null };
}

/**
 * Posts one SOAP 1.1 request. A fault comes back as `fault` (SOAP servers send it with HTTP
 * 500), for the adapter to turn into its own sentence; a 5xx without one is the carrier being
 * down, and anything that is not an envelope is a bad response.
 */
export async function soapCall(
  connection: HttpConnection,
  url: string,
  action: string,
  envelope: string,
  options: { arrays: readonly string[]; headers?: Record<string, string> },
): Promise<SoapAnswer> {
  const answer = await httpCall(connection, url, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"`, ...options.headers },
    body: envelope,
  });
  const text = answer.body.toString('utf8');
  let parsed: SoapAnswer | null;
  try {
    parsed = readSoap(text, options.arrays);
  } catch {
    parsed = null;
  }
  if (parsed?.fault) return parsed;
  if (answer.status === 401 || answer.status === 403) {
    throw new CarrierFailure(
      'refused',
      'carrier.auth',
      `${connection.carrier} refused the login (HTTP ${answer.status}); check the user name and password in Settings → Carriers.`,
      { carrier: connection.carrier, status: answer.status },
    );
  }
  if (answer.status >= 500) throw serverError(connection.carrier, answer.status);
  if (!parsed || answer.status >= 300) {
    throw new CarrierFailure(
      'unavailable',
      'carrier.bad_response',
      `${connection.carrier} answered HTTP ${answer.status} with something that is not a SOAP envelope; the station tries again later.`,
      { carrier: connection.carrier, status: answer.status },
    );
  }
  return parsed;
}

/** The string at a path of element names, or null. */
export function textAt(node: XmlValue | undefined, ...path: string[]): string | null {
  let at: XmlValue | undefined = node;
  for (const step of path) {
    if (!at || typeof at !== 'object' || Array.isArray(at)) return null;
    at = at[step];
  }
  if (typeof at === 'string') return at;
  if (at && typeof at === 'object' && !Array.isArray(at) && typeof at['#text'] === 'string') return at['#text'];
  return null;
}

/** The items at a path as an array (one item, many, or none). */
export function listAt(node: XmlValue | undefined, ...path: string[]): XmlObject[] {
  let at: XmlValue | undefined = node;
  for (const step of path) {
    if (!at || typeof at !== 'object' || Array.isArray(at)) return [];
    at = at[step];
  }
  if (at === undefined || at === '') return [];
  const items = Array.isArray(at) ? at : [at];
  return items.filter((i): i is XmlObject => typeof i === 'object' && !Array.isArray(i));
}
