import type { Migration } from './migration';
import { initial } from './0001-initial';
import { journal } from './0002-journal';
import { packing } from './0003-packing';
import { printQueue } from './0004-print-queue';
import { sync } from './0005-sync';
import { documentRequests } from './0006-document-requests';
import { video } from './0007-video';
import { loginSessions } from './0008-login-sessions';
import { badgeHashes } from './0009-badge-hashes';
import { printJobInterruptions } from './0010-print-job-interruptions';
import { pdfFolderPrinter } from './0011-pdf-folder-printer';
import { logins } from './0012-logins';
import { outboxReturns } from './0013-outbox-returns';
import { carrierAccounts } from './0014-carrier-accounts';
import { stationKind } from './0015-station-kind';
import { returns } from './0016-returns';
import { returnsDocuments } from './0017-returns-documents';
import { carrierShipments } from './0018-carrier-shipments';
import { journalSearch } from './0019-journal-search';
import { boxTypesActive } from './0020-box-types-active';
import { statistics } from './0021-statistics';
import { labelStock } from './0022-label-stock';
import { orderLinePrices } from './0023-order-line-prices';
import { shiftPatterns } from './0024-shift-patterns';
import { boxLabelDocuments } from './0025-box-label-documents';
import { centralLeases } from './0026-central-leases';
import { returnVideo } from './0027-return-video';
import { badgeCardDocuments } from './0028-badge-card-documents';
import { fragileProducts } from './0029-fragile-products';

export type { Migration } from './migration';

/** Every migration, oldest first. Append new ones at the end; the runner checks the numbering. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  journal,
  packing,
  printQueue,
  sync,
  documentRequests,
  video,
  loginSessions,
  badgeHashes,
  printJobInterruptions,
  pdfFolderPrinter,
  logins,
  outboxReturns,
  carrierAccounts,
  stationKind,
  returns,
  returnsDocuments,
  carrierShipments,
  journalSearch,
  boxTypesActive,
  statistics,
  labelStock,
  orderLinePrices,
  shiftPatterns,
  boxLabelDocuments,
  centralLeases,
  returnVideo,
  badgeCardDocuments,
  fragileProducts,
];
