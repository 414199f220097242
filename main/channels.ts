/**
 * The only two IPC channels between the window and the station core, named once here so the
 * preload and main cannot drift apart. Method names travel as data on the invoke channel.
 */
export const INVOKE_CHANNEL = 'packdesk:invoke';
export const EVENT_CHANNEL = 'packdesk:event';
