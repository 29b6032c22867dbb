import { z } from 'zod';
import type { IntegrationInput } from '../../types';

/** The limits of an S3 integration's fields; the inputs' maxLength come from here too. */
export const INTEGRATION_LIMITS = {
  nameMax: 128,
  bucketMax: 63,
  bucketPattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  endpointPattern: /^https?:\/\/[^\s/]+/i,
} as const;

/** An S3 integration; the secret is required when it is created and kept when left empty on an edit. */
export function integrationSchema(editing: boolean) {
  return z.object({
    name: z.string().refine((v) => v.trim() !== '', 'Enter a name.'),
    endpoint: z
      .string()
      .refine(
        (v) => v.trim() === '' || INTEGRATION_LIMITS.endpointPattern.test(v.trim()),
        'Enter an http:// or https:// address, or leave it empty for AWS.',
      ),
    region: z.string().refine((v) => v.trim() !== '', 'Enter the bucket’s region, such as eu-central-1.'),
    bucket: z
      .string()
      .refine(
        (v) => INTEGRATION_LIMITS.bucketPattern.test(v.trim()),
        'A bucket name has 3 to 63 lower-case letters, digits, dots and hyphens.',
      ),
    prefix: z.string(),
    accessKeyId: z.string().refine((v) => v.trim() !== '', 'Enter the access key id.'),
    secretAccessKey: z
      .string()
      .refine((v) => editing || v.trim() !== '', 'Enter the secret access key.'),
    pathStyle: z.boolean(),
  }) satisfies z.ZodType<IntegrationInput>;
}
