import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../api';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type ApiToken = Omit<Schemas['TokenView'], 'lastUsedAt'> & { lastUsedAt: string | null };
/** A token just made: `token` is shown this once and never again. */
export type CreatedToken = { view: ApiToken; token: string };

export const tokenKeys = { mine: ['me', 'tokens'] as const };

export const tokenQueries = {
  mine: queryOptions({
    queryKey: tokenKeys.mine,
    queryFn: ({ signal }) => request<ApiToken[]>('GET', '/api/me/tokens', { signal }),
  }),
};

export function createToken(name: string, days: number): Promise<CreatedToken> {
  return request<CreatedToken>('POST', '/api/me/tokens', { body: { name, days } });
}

export function revokeToken(id: number): Promise<void> {
  return request<void>('DELETE', `/api/me/tokens/${encodeURIComponent(String(id))}`);
}

/** The server's limits: a name of 1 to 64 characters, 1 to 365 days. */
export const TOKEN_LIMITS = { nameMax: 64, daysMax: 365 } as const;

export const newTokenSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Give the token a name.')
      .max(TOKEN_LIMITS.nameMax, `Use at most ${TOKEN_LIMITS.nameMax} characters.`),
    days: z
      .string()
      .trim()
      .regex(/^\d+$/, 'Give a whole number of days.')
      .transform(Number)
      .refine((d) => d >= 1 && d <= TOKEN_LIMITS.daysMax, `A token lasts 1 to ${TOKEN_LIMITS.daysMax} days.`),
  })
  .transform(({ name, days }) => ({ name, days }));

export type NewTokenValues = z.input<typeof newTokenSchema>;
