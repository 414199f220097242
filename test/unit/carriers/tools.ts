import type { CarrierFailure } from '../../../src/app/ports/carriers';

export { pdfBarcodes, pdfText, zplBarcodes } from '../documents/tools';

/** The CarrierFailure a promise rejects with (fails the test when it resolves or throws something else). */
export async function failureOf(promise: Promise<unknown>): Promise<CarrierFailure> {
  try {
    await promise;
  } catch (error) {
    if ((error as Error).name === 'CarrierFailure') return error as CarrierFailure;
    throw error;
  }
  throw new Error('expected a CarrierFailure, but the call succeeded');
}
