import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers the tags this app renders before the first render, so React sets properties on upgraded elements.
// (The procedure detail and the survey load on demand, from inside the search and the tracker.)
import '@dvc-kit/elements/provider/define';
import '@dvc-kit/elements/service-search/define';
import '@dvc-kit/elements/dossier-tracker/define';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
