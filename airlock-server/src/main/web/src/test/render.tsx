import { QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
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

/** The last request sent through the mocked fetch: its method, path and JSON body. */
export async function lastRequest(): Promise<{ method: string; path: string; body: unknown }> {
  const [input, init] = vi.mocked(globalThis.fetch).mock.calls.at(-1) ?? [];
  const request = input instanceof Request ? input.clone() : new Request(new URL(String(input), location.origin), init);
  const text = await request.text();
  return { method: request.method, path: new URL(request.url).pathname, body: text === '' ? undefined : JSON.parse(text) };
}
