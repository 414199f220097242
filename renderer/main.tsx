// Shared styles first, so each screen's own stylesheet (imported with the screen) can refine them.
import './styles.css';
import './components/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startI18n } from './i18n';
import { loadWedgeConfig } from './scanner/config';
import { installWedge } from './scanner/listener';

startI18n();
installWedge(loadWedgeConfig(window.localStorage));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
