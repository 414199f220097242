// Shared styles first, so each screen's own stylesheet (imported with the screen) can refine them.
import './styles.css';
import './components/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startI18n } from './i18n';
import { keyboard, listenForKeys } from './keyboard/router';
import { loadWedgeConfig } from './scanner/config';
import { createWedgeScanner } from './scanner/listener';
import { useStationStore } from './station/stationStore';

startI18n();
// The scanner is the keyboard's first stage; then dialogs, then the screen (keyboard/router.ts).
const scanner = createWedgeScanner(loadWedgeConfig(window.localStorage));
keyboard.setScanner(scanner);
listenForKeys(keyboard, window);
// What the scanner taught of its pace (a slow scanner) is kept per station across reloads (scanner/pace.ts).
let pacedFor: string | null = null;
let stopPace = (): void => {};
useStationStore.subscribe(({ station }) => {
  const stationId = station?.id ?? null;
  if (stationId === pacedFor) return;
  stopPace();
  pacedFor = stationId;
  stopPace = stationId ? scanner.keepPace(window.localStorage, stationId) : () => {};
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
