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

startI18n();
// The scanner is the keyboard's first stage; then dialogs, then the screen (keyboard/router.ts).
keyboard.setScanner(createWedgeScanner(loadWedgeConfig(window.localStorage)));
listenForKeys(keyboard, window);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
