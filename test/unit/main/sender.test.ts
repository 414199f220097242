import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/sender';

describe('isTrustedSender', () => {
  it('accepts the main frame of our app://packdesk page', () => {
    expect(isTrustedSender({ url: 'app://packdesk/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://packdesk/queue?search=ORD#top', isMainFrame: true })).toBe(true);
  });

  it.each([
    'file:///home/packer/index.html',
    'http://evil.example/',
    'https://evil.example/app://packdesk/',
    'http://127.0.0.1:5173/',
    'app://other/index.html',
    'app://packdesk.evil.example/index.html',
    'app://packdesk:1234/index.html',
    'app://evil@packdesk/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,<script>packdesk.invoke()</script>',
    '',
  ])('rejects a main frame on %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });

  it('rejects a subframe even on our own origin', () => {
    expect(isTrustedSender({ url: 'app://packdesk/index.html', isMainFrame: false })).toBe(false);
  });

  it('rejects a sender whose frame is gone or has no URL', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ url: null, isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
  });
});
