import { z } from 'zod';
import { PROTOCOLS, type AccessMethodInput, type AssetInput, type CredentialKind, type Protocol } from '../../types';
import { storesSecret } from './CredentialFields';
import { orNull } from './methods';

/** The limits of an asset's fields, as the server enforces them; the inputs' maxLength come from here too. */
export const ASSET_LIMITS = {
  nameMax: 128,
  hostMax: 255,
  placeMax: 128,
  descriptionMax: 1024,
  /** Host names, IPv4 and IPv6 addresses: no spaces, slashes or URL schemes. */
  hostPattern: /^[A-Za-z0-9._:%[\]-]+$/,
} as const;

const atMost = (max: number) => `Use at most ${max} characters.`;

/** An asset: what the form holds (text), and the request it becomes (blank optional fields as null). */
export const assetSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name for the asset.').max(ASSET_LIMITS.nameMax, atMost(ASSET_LIMITS.nameMax)),
    host: z
      .string()
      .trim()
      .min(1, 'Enter the host name or IP address Airlock connects to.')
      .max(ASSET_LIMITS.hostMax, atMost(ASSET_LIMITS.hostMax))
      .regex(ASSET_LIMITS.hostPattern, 'Enter only a host name or IP address, without spaces, protocol or port.'),
    site: z.string().trim().max(ASSET_LIMITS.placeMax, atMost(ASSET_LIMITS.placeMax)),
    zone: z.string().trim().max(ASSET_LIMITS.placeMax, atMost(ASSET_LIMITS.placeMax)),
    description: z.string().trim().max(ASSET_LIMITS.descriptionMax, atMost(ASSET_LIMITS.descriptionMax)),
  })
  .transform(
    (values): AssetInput => ({
      name: values.name,
      host: values.host,
      site: orNull(values.site),
      zone: orNull(values.zone),
      description: orNull(values.description),
    }),
  );

export type AssetValues = z.input<typeof assetSchema>;

export const METHOD_LIMITS = { usernameMax: 128, promptMax: 200, portMin: 1, portMax: 65535 } as const;

const PROMPT_FIELDS = ['telnetUsernamePrompt', 'telnetPasswordPrompt', 'telnetSuccessPrompt', 'telnetFailurePrompt'] as const;

/** Terminal protocols carry text, so the equipment's character set matters to them alone. */
export function isTerminal(protocol: Protocol): boolean {
  return protocol === 'SSH' || protocol === 'TELNET';
}

/**
 * An access method. `stored` is the credential kind the server keeps for the method being edited (null
 * for a new one): choosing that kind again with the secret left empty keeps the stored secret.
 */
export function methodSchema(stored: CredentialKind | null) {
  return z
    .object({
      protocol: z.enum(PROTOCOLS),
      port: z
        .string()
        .trim()
        .min(1, 'Enter the port.')
        .refine((v) => {
          const port = Number(v);
          return Number.isInteger(port) && port >= METHOD_LIMITS.portMin && port <= METHOD_LIMITS.portMax;
        }, `Enter a whole number from ${METHOD_LIMITS.portMin} to ${METHOD_LIMITS.portMax}.`),
      username: z.string().trim().max(METHOD_LIMITS.usernameMax, atMost(METHOD_LIMITS.usernameMax)),
      charset: z.string(),
      credential: z.enum(['NONE', 'PASSWORD', 'PRIVATE_KEY', 'ASK_USER'] as const satisfies readonly CredentialKind[]),
      password: z.string(),
      privateKey: z.string(),
      telnetUsernamePrompt: z.string(),
      telnetPasswordPrompt: z.string(),
      telnetSuccessPrompt: z.string(),
      telnetFailurePrompt: z.string(),
    })
    .superRefine((v, ctx) => {
      const keeps = stored !== null && v.credential === stored && storesSecret(stored);
      if (v.credential === 'PASSWORD' && v.password === '' && !keeps) {
        ctx.addIssue({ code: 'custom', path: ['password'], message: 'Enter the password.' });
      }
      if (v.credential === 'PRIVATE_KEY' && v.privateKey.trim() === '' && !keeps) {
        ctx.addIssue({ code: 'custom', path: ['privateKey'], message: 'Paste the private key.' });
      }
      if (v.protocol !== 'TELNET') return;
      for (const name of PROMPT_FIELDS) {
        if (v[name].length > METHOD_LIMITS.promptMax) {
          ctx.addIssue({ code: 'custom', path: [name], message: atMost(METHOD_LIMITS.promptMax) });
        }
      }
    })
    .transform((v): AccessMethodInput => {
      const telnet = v.protocol === 'TELNET';
      const pattern = (value: string) => (telnet && value.trim() !== '' ? value : null);
      return {
        protocol: v.protocol,
        port: Number(v.port),
        username: orNull(v.username),
        credential: v.credential,
        charset: isTerminal(v.protocol) ? v.charset : UTF8,
        telnetUsernamePrompt: pattern(v.telnetUsernamePrompt),
        telnetPasswordPrompt: pattern(v.telnetPasswordPrompt),
        telnetSuccessPrompt: pattern(v.telnetSuccessPrompt),
        telnetFailurePrompt: pattern(v.telnetFailurePrompt),
        ...(v.credential === 'PASSWORD' && v.password !== '' ? { password: v.password } : {}),
        ...(v.credential === 'PRIVATE_KEY' && v.privateKey.trim() !== '' ? { privateKey: v.privateKey.trim() + '\n' } : {}),
      };
    });
}

export const UTF8 = 'UTF-8';

export type MethodValues = z.input<ReturnType<typeof methodSchema>>;
