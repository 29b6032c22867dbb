import { z } from 'zod';
import { validateWindows } from '../../components/access/schedule';
import { DAYS, type AccessGroupInput } from '../../types';

/** The limits of an access group's fields, as the server enforces them; the inputs' maxLength come from here too. */
export const GROUP_LIMITS = { nameMax: 128 } as const;

const windowSchema = z.object({ days: z.array(z.enum(DAYS)), start: z.string(), end: z.string() });

/**
 * An access group: what the form holds and the request it becomes. A window's problems land on its
 * `days` and `time` (start and end together), which the schedule editor shows under that window.
 */
export const groupSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter a name for the access group.')
      .max(GROUP_LIMITS.nameMax, `Use at most ${GROUP_LIMITS.nameMax} characters.`),
    enabled: z.boolean(),
    enforceRecording: z.boolean(),
    timeZone: z.string().min(1, 'Choose a time zone.'),
    windows: z.array(windowSchema).superRefine((windows, ctx) => {
      for (const [index, problem] of Object.entries(validateWindows(windows))) {
        for (const [part, message] of Object.entries(problem)) {
          ctx.addIssue({ code: 'custom', path: [Number(index), part], message });
        }
      }
    }),
    memberIds: z.array(z.number()),
    methodIds: z.array(z.number()),
  })
  .transform((values): AccessGroupInput => values);

export type GroupValues = z.input<typeof groupSchema>;
