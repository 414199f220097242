/** Replaced at build time from package.json; the fallback marks an unbuilt run (tests). */
declare const __PACKDESK_VERSION__: string | undefined;
export const PACKDESK_VERSION: string = typeof __PACKDESK_VERSION__ === 'string' ? __PACKDESK_VERSION__ : '0.0.0-dev';
