import type { Logins } from '../auth';
import type { CallContext, CommonPorts } from '../context';
import type { OutboxRepository, SyncOrderLinks } from '../ports/backend';
import type { PhotoFiles, ReturnsRepository } from '../ports/returns';
import type { ReturnDocumentsPorts } from './documents';

/**
 * What the returns desk uses: the database and journal, its own repository and photo files, the
 * logins (a manager's badge or PIN for an override), and the shop's outbox where the station has
 * a shop (null otherwise: a decided return then tells no one), and documents and printing.
 */
export interface ReturnsDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'logger' | 'events' | 'stationId'> {
  returns: ReturnsRepository;
  photos: PhotoFiles;
  logins: Logins;
  shop: { outbox: OutboxRepository; links: SyncOrderLinks } | null;
  /** Checks before a return is decided (the video the station's block policy asks for); none where not given. */
  decideChecks?: readonly ((call: CallContext, returnNumber: string) => void)[];
  /** The receipt and item labels go through the station's printing; null where nothing prints (some tests). */
  documents: ReturnDocumentsPorts | null;
}

/** What the desk's flows use: the photo files, documents and logins stay with the handlers that need them. */
export type DeskDeps = Omit<ReturnsDeps, 'photos' | 'documents' | 'logins'>;
