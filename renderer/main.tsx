import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startI18n } from './i18n';
import { loadWedgeConfig } from './scanner/config';
import { installWedge } from './scanner/listener';
import './styles.css';
import './screens.css';

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
