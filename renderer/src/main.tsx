/** Mounts the app with the one service client (preload bridge or local HTTP host). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { client } from './client';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The desktop app's native menu is wired once, inside the app (`useMenuCommands` in app.tsx): a
// second listener here ran every command twice (two programs for one File › New).
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
