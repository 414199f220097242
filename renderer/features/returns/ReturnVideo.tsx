import { SessionVideo } from '../../video/SessionVideo';
import { useReturnsStore } from './returnsStore';

/**
 * The returns desk's own clip: recorded while a return is open, as packing records a session.
 * It lives beside the desk, not in it, so looking at the order's packing timeline (F10) does not
 * cut the return's recording in two.
 */
export function ReturnVideo() {
  const number = useReturnsStore((s) => (s.pane === 'return' && s.view?.status === 'open' ? s.view.number : null));
  return <SessionVideo owner={number ? { returnNumber: number } : null} />;
}
