import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/logger';
import { isLoopback } from '../server/cli-options';
import type { CentreSetting } from '../shared/bridge';

export const CENTRE_SETTINGS_FILE = 'centre.json';

const URL_RULE = 'The address must start with https:// (plain http:// only for this computer).';

/**
 * A centre's address as a person types it (`192.168.1.20:5170`, `https://dispatch.example/`): https is assumed
 * when no scheme is given, and only the origin is kept, since the centre serves its pages at its root. Plain http
 * is refused off this computer, because every call carries a sign-in token.
 */
export const CentreUrl = z
  .string()
  .trim()
  .min(1, 'Enter the address of the centre, e.g. https://192.168.1.20:5170.')
  .transform((text, ctx) => {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
    const url = URL.canParse(withScheme) ? new URL(withScheme) : null;
    if (!url || url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a web address.` });
      return z.NEVER;
    }
    const loopback = isLoopback(url.hostname.replace(/^\[|\]$/g, ''));
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      ctx.addIssue({ code: 'custom', message: URL_RULE });
      return z.NEVER;
    }
    return url.origin;
  });

/** As Node's X509Certificate.fingerprint256 prints it: 32 upper-case hex pairs joined by colons. */
export const Fingerprint256 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/, 'A SHA-256 fingerprint is 32 pairs of hex digits separated by colons.');

const LocalCentre = z.strictObject({ mode: z.literal('local') });
const RemoteCentre = z.strictObject({
  mode: z.literal('remote'),
  url: CentreUrl,
  /** null: the system trusts the centre's certificate, so nothing is pinned (and a renewal needs no re-pairing). */
  fingerprint: Fingerprint256.nullable(),
});

/** centre.json; a new mode (e.g. this app serving the LAN) is one more member of the union. */
export const CentreSettingFile = z.discriminatedUnion('mode', [LocalCentre, RemoteCentre]) satisfies z.ZodType<CentreSetting>;

export const LOCAL_CENTRE: CentreSetting = { mode: 'local' };

/**
 * The saved centre, or this computer's own when there is none. The file is outside input: a damaged one is
 * logged and the app starts on its own centre, from where the user can connect again.
 */
export function loadCentreSetting(userDataDir: string, logger: Logger): CentreSetting {
  const file = join(userDataDir, CENTRE_SETTINGS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.error('centre settings unreadable, using this computer', { file, error: String(error) });
    return LOCAL_CENTRE;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    logger.error('centre settings are not JSON, using this computer', { file, error: String(error) });
    return LOCAL_CENTRE;
  }
  const parsed = CentreSettingFile.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
  logger.error('centre settings invalid, using this computer', { file, problems });
  return LOCAL_CENTRE;
}

/** Written to a temporary name and renamed over the old file, so a crash mid-write never leaves half a file. */
export function saveCentreSetting(userDataDir: string, setting: CentreSetting): void {
  const valid = CentreSettingFile.parse(setting);
  mkdirSync(userDataDir, { recursive: true });
  const file = join(userDataDir, CENTRE_SETTINGS_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(valid, null, 2)}\n`);
  renameSync(temporary, file);
}
