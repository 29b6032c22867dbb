import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createQueryClient } from './api/queries';
// Cascade order: of two rules equally specific the later one wins, so this order is part of the styling.
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/states.css';
import './styles/tables.css';
import './styles/dialogs.css';
import './styles/small-screens.css';
import './styles/access.css';
import './styles/access-groups.css';
import './styles/remote-sessions.css';
import './styles/session-window.css';
import './styles/history.css';
import './styles/history-extras.css';

const container = document.getElementById('root');
if (container === null) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
