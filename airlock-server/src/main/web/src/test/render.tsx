import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createQueryClient } from '../api/queries';

/** Renders a component as the app does (with its query cache), and a user to drive it. */
export function renderWithApp(ui: ReactElement): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const client = createQueryClient();
  return { user: userEvent.setup(), ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

/** A fetch answer as the server sends it. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}
