import { z } from 'zod';
import type { Role } from '../domain/user';
import { addressSchema } from './schemas';

/** Print queue, documents of an order, printer profiles and label settings: the calls of the print panel. */

export const DOCUMENT_KINDS = [
  'label',
  'carrier_label',
  'packing_slip',
  'manifest',
  'returns_receipt',
  'returns_receipt_label',
  'return_item_label',
  'box_label',
  'badge_card',
  'test_page',
] as const;
/**
 * What a station prints and a manager gives a printer: every kind but the test page, which goes to
 * the printer tested, and the box label and badge card, which go to the label (or A4) printer.
 */
export const PRINTED_DOCUMENT_KINDS = [
  'label',
  'carrier_label',
  'packing_slip',
  'manifest',
  'returns_receipt',
  'returns_receipt_label',
  'return_item_label',
] as const;
export const PRINTER_KINDS = ['cups', 'raw_tcp', 'windows_pdf', 'electron', 'pdf_folder'] as const;
export const DOCUMENT_FORMATS = ['pdf', 'zpl', 'epl'] as const;
export const PRINT_JOB_STATUSES = ['queued', 'printing', 'done', 'failed', 'cancelled'] as const;

export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export const printerKindSchema = z.enum(PRINTER_KINDS);
export const documentFormatSchema = z.enum(DOCUMENT_FORMATS);

export const printJobSchema = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  documentKind: documentKindSchema,
  orderNumber: z.string().nullable(),
  parcelIndex: z.number().int().nullable(),
  printerKind: printerKindSchema,
  target: z.string(),
  format: documentFormatSchema,
  status: z.enum(PRINT_JOB_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** Why the last attempt failed, in the printer adapter's words (English, for the log and the panel). */
  reason: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /**
   * Printing is at-least-once: the station stopped while sending this job, after its bytes may
   * have reached the printer, and sends it again, so it may print twice.
   */
  resent: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJobView = z.infer<typeof printJobSchema>;

/** A document completion owes an order that is not in the print queue (yet): still being made, or no printer. */
export const documentOwedSchema = z.object({
  id: z.number().int(),
  orderNumber: z.string(),
  kind: z.enum(['label', 'carrier_label', 'packing_slip']),
  parcelIndex: z.number().int().nullable(),
  status: z.enum(['pending', 'done', 'kept']),
  attempts: z.number().int(),
  reason: z.string().nullable(),
  sscc: z.string().nullable(),
});
export type DocumentOwedView = z.infer<typeof documentOwedSchema>;

/**
 * Whether a completed order's labels printed. printing: still being made or sent; printed: every
 * parcel's label printed (a reprint counts); not_printed: one did not, and `fault` says why
 * (not_made: it could not be made; no_printer: no printer takes it; printer_failed: the printer did
 * not print it, retries may be under way; cancelled: its job was cancelled); none: nothing owed.
 */
export const LABEL_FAULTS = ['not_made', 'no_printer', 'printer_failed', 'cancelled'] as const;
export const labelStatusSchema = z.object({
  orderNumber: z.string(),
  state: z.enum(['none', 'printing', 'printed', 'not_printed']),
  fault: z.enum(LABEL_FAULTS).nullable(),
  /** In the words of whatever failed (English, for the log; the screen translates the common ones). */
  reason: z.string().nullable(),
  /** The printer the failed job went to, when one did. */
  target: z.string().nullable(),
  /** Parcels whose label did not print. */
  parcels: z.array(z.number().int()),
  /** Each parcel's carrier tracking number (null while the carrier has not given it); absent for orders no carrier of ours ships. */
  tracking: z.array(z.object({ parcel: z.number().int(), carrier: z.string(), number: z.string().nullable() })).optional(),
});
export type LabelStatusView = z.infer<typeof labelStatusSchema>;

/** An order the station completed whose label has not printed: it stays in the queue's list until it does. */
export const unprintedLabelSchema = labelStatusSchema.extend({ customerName: z.string() });
export type UnprintedLabelView = z.infer<typeof unprintedLabelSchema>;

/** Whether this station can print everything it makes: the kinds without a working printer, and the PDF folder its documents go to. */
export const printerReadinessSchema = z.object({
  /** Printed document kinds with no profile at this station, or one whose way of printing this host lacks. */
  missing: z.array(documentKindSchema),
  /** The folder (inside the data folder) a PDF folder profile of this station writes into; null when none does. */
  pdfFolder: z.string().nullable(),
});
export type PrinterReadinessView = z.infer<typeof printerReadinessSchema>;

export const printQueueSchema = z.object({ jobs: z.array(printJobSchema), owed: z.array(documentOwedSchema), printers: printerReadinessSchema });
export type PrintQueueView = z.infer<typeof printQueueSchema>;

export const storedDocumentSchema = z.object({
  id: z.number().int(),
  kind: documentKindSchema,
  format: documentFormatSchema,
  sha256: z.string(),
  bytes: z.number().int(),
  parcelIndex: z.number().int().nullable(),
  createdAt: z.string(),
});

export const printerProfileSchema = z
  .object({
    documentKind: documentKindSchema,
    printerKind: printerKindSchema,
    target: z.string().trim().min(1).max(200),
    format: documentFormatSchema,
    raw: z.boolean().default(false),
    /** A label printer's stock: carriers are asked for their label on it. */
    labelSize: z.enum(['a6', '4x6']).nullable().default(null),
  })
  .strict();
export type PrinterProfileView = z.output<typeof printerProfileSchema>;

export const discoveredPrinterSchema = z.object({ kind: printerKindSchema, target: z.string(), description: z.string() });

export const labelSettingsSchema = z
  .object({
    shopName: z.string().trim().min(1).max(120),
    shipFrom: addressSchema,
    gs1CompanyPrefix: z.string().regex(/^\d{7,10}$/, 'a GS1 company prefix has 7 to 10 digits'),
    ssccExtensionDigit: z.number().int().min(0).max(9),
    returnPolicy: z.string().max(1000),
    /** The next SSCC serial reference; it may move forward, never back onto serials already used. */
    nextSsccSerial: z.number().int().min(0).max(999_999_999),
  })
  .strict();
export type LabelSettingsView = z.infer<typeof labelSettingsSchema>;

const jobInput = z.object({ jobId: z.number().int() }).strict();
const kindInput = z.object({ documentKind: documentKindSchema }).strict();
const empty = z.object({}).strict();

/** The shape of contract/methods' entries (that file imports this one, so it is restated here). */
function method<I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; access: readonly Role[]; passive?: boolean }) {
  return spec;
}

const ANY_ROLE: readonly Role[] = ['packer', 'manager', 'returns', 'admin'];
const MANAGERS: readonly Role[] = ['manager', 'admin'];
const PACKERS: readonly Role[] = ['packer', 'manager', 'admin'];

/** Spread into METHODS (contract/methods); same shape as its entries. */
export const PRINTING_METHODS = {
  'print.queue': method({ input: empty, output: printQueueSchema, access: ANY_ROLE, passive: true }),
  'print.cancel': method({ input: jobInput, output: printJobSchema, access: PACKERS }),
  'print.retry': method({ input: jobInput, output: printJobSchema, access: PACKERS }),
  /** A document kept while no printer was set up for it, sent to the printer set up since. */
  'print.owed.print': method({ input: z.object({ owedId: z.number().int() }).strict(), output: printJobSchema, access: MANAGERS }),
  'print.reprint': method({
    input: z.object({ documentId: z.number().int() }).strict(),
    output: printJobSchema,
    access: PACKERS,
  }),
  'documents.order': method({
    input: z.object({ orderNumber: z.string().trim().min(1).max(100) }).strict(),
    output: z.object({ orderNumber: z.string(), documents: z.array(storedDocumentSchema), owed: z.array(documentOwedSchema) }),
    access: ANY_ROLE,
    passive: true,
  }),
  'documents.label': method({
    input: z.object({ orderNumber: z.string().trim().min(1).max(100) }).strict(),
    output: labelStatusSchema,
    access: ANY_ROLE,
    passive: true,
  }),
  'printers.profiles': method({
    input: empty,
    output: z.object({ profiles: z.array(printerProfileSchema), printerKinds: z.array(printerKindSchema) }),
    access: ANY_ROLE,
    passive: true,
  }),
  'printers.profile.set': method({ input: printerProfileSchema, output: z.array(printerProfileSchema), access: MANAGERS }),
  'printers.profile.remove': method({ input: kindInput, output: z.array(printerProfileSchema), access: MANAGERS }),
  'printers.discover': method({ input: empty, output: z.array(discoveredPrinterSchema), access: MANAGERS }),
  'printers.test': method({ input: kindInput, output: printJobSchema, access: MANAGERS }),
  'labels.settings': method({ input: empty, output: labelSettingsSchema.nullable(), access: MANAGERS, passive: true }),
  'labels.settings.set': method({ input: labelSettingsSchema, output: labelSettingsSchema, access: MANAGERS }),
} as const;
