/** Video and review error texts, spread into the error table of en.ts. */
export const enReviewErrors = {
  VIDEO_SEGMENT_NOT_FOUND: 'That video clip is not at this station.',
  VIDEO_CHUNK_OUT_OF_ORDER: 'A piece of the packing video went missing; recording starts a new clip.',
  VIDEO_REQUIRED: 'This station records every parcel, and this one has no video. Fix the camera, then complete.',
  NVR_TEMPLATE_INVALID: 'The NVR playback link cannot be used: {{reason}}.',
  EVIDENCE_UNAVAILABLE: 'This station cannot show the review or export evidence.',
} as const;

/** The packing screen's camera status. */
export const enVideo = {
  recording: 'REC',
  nvr: 'NVR camera {{camera}}',
  noCamera: 'NO CAMERA — this parcel is not being recorded. Tell your manager.',
  cameraFailed: 'CAMERA STOPPED — this parcel is not being recorded. Tell your manager.',
  blocked: 'Packing is stopped until the camera works: this station must record every parcel.',
  retry: 'Try the camera again',
};

/** The manager's review: order timeline. */
export const enReview = {
  title: 'Order review',
  open: 'Review',
  back: 'Back',
  searchLabel: 'Order number, tracking number or serial',
  search: 'Find',
  notFound: 'Nothing matches "{{query}}".',
  matchedBy: { number: 'order number', tracking: 'tracking number', serial: 'serial' },
  entries: 'Journal entries',
  columns: { time: 'Time', station: 'Station', who: 'Who', type: 'What', details: 'Details' },
  noVideo: 'No video of this order.',
  nvrLink: 'Open the NVR recording',
  chainIntact: 'Journal intact up to the checkpoint signed {{at}}',
  chainUnsigned: 'Journal intact; not yet signed by a checkpoint',
  chainBroken: 'JOURNAL BROKEN: {{message}}',
  evidence: 'Export evidence package',
  exporting: 'Making the package…',
  exported: 'Package ready: {{file}}',
  download: 'Download',
};
