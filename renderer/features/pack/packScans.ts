import { playSound } from '../../components/sound';
import { followScans } from '../../scanner/scanOutcomes';
import { usePackStore } from './packStore';

/** The queue's and packing screen's side of every scan: the code being opened, then what it did. */
export function followPackScans(): () => void {
  return followScans((outcome) => {
    if (outcome.kind === 'sent') {
      if (outcome.loggedIn && !usePackStore.getState().view) usePackStore.setState({ opening: outcome.code });
      return;
    }
    // Only when set: every write wakes each of the store's subscribers, and this runs for every scan.
    if (usePackStore.getState().opening !== null) usePackStore.setState({ opening: null });
    const pack = usePackStore.getState();
    switch (outcome.kind) {
      case 'refused':
        if (pack.view) return pack.showError(outcome.error);
        return pack.refuse(outcome.code ?? '', outcome.error);
      case 'loggedIn':
        // Another packer's badge between orders: the station is theirs, and so is any order it holds.
        return void pack.resume();
      case 'opened':
        playSound('ok');
        return pack.showView(outcome.view);
      case 'scanned':
        return pack.showOutcome(outcome.outcome, outcome.view, outcome.timed);
    }
  });
}
