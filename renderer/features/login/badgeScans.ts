import { playSound } from '../../components/sound';
import { followScans } from '../../scanner/scanOutcomes';
import { useLoginStore } from './loginStore';

/** The login screen's side of every scan: busy while a badge is on its way, then what it meant. */
export function followBadgeScans(): () => void {
  return followScans((outcome) => {
    const login = useLoginStore.getState();
    if (outcome.kind === 'sent') {
      if (!outcome.loggedIn) login.setBusy(true);
      return;
    }
    login.setBusy(false);
    switch (outcome.kind) {
      case 'pinNeeded':
        playSound('ok');
        return login.needPin(outcome.badge, outcome.user);
      case 'badgeRefused':
        return login.failed(outcome.error);
      case 'loggedIn':
        playSound('ok');
        return login.reset();
    }
  });
}
