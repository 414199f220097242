export { CanonicalJsonError, canonicalJson } from './canonical';
export { checkpointMessage, entryPreimage, GENESIS_HASH } from './chain';
export { createJournal, DEFAULT_CHECKPOINT_EVERY, type JournalOptions, type StationJournal } from './journal';
export { KEY_FILE, loadOrCreateStationKey, readStationKey, SEALED_KEY_FILE, type KeyFileOptions } from './key-file';
export { verifyJournal, type JournalProblem, type JournalProblemKind, type JournalVerification, type VerifyOptions } from './verify';
