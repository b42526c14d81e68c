import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Where the update feed comes from, first match wins (README, "Releasing"). */
export const UPDATE_URL_VARIABLE = 'DISPATCH_UPDATE_URL';
export const UPDATE_SETTINGS_FILE = 'update.json';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; plain http only to this machine (a local test server), never across a network. */
export function isAllowedFeedUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

const FEED_URL_RULE = 'must be an https URL (http only for localhost)';

/** update.json in the user-data folder, for centres that point clients at their own server. */
export const UpdateSettingsFile = z.strictObject({
  url: z.string().refine(isAllowedFeedUrl, FEED_URL_RULE),
  /** electron-builder channel: the feed file is `<channel>.yml` (`latest`, `beta`…). */
  channel: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a channel name such as "latest" or "beta"').optional(),
  checkOnStart: z.boolean().default(true),
});

export interface UpdateFeed {
  url: string;
  channel?: string;
}

export type UpdateSettings =
  | {
      enabled: true;
      source: 'environment' | 'file' | 'bundled';
      /** null: electron-updater reads the feed the release was built with (resources/app-update.yml). */
      feed: UpdateFeed | null;
      checkOnStart: boolean;
    }
  | {
      enabled: false;
      /** Shown to the user by "Check for updates…" and logged at start. */
      reason: string;
      /** A setting exists but is wrong (logged as an error), as opposed to no setting at all. */
      invalid: boolean;
    };

export interface UpdateSettingsSources {
  env: Record<string, string | undefined>;
  userDataDir: string;
  /** app-update.yml that electron-builder puts in a packaged app's resources; null when not packaged. */
  bundledFeedFile: string | null;
}

/**
 * The environment variable (DISPATCH_UPDATE_URL), then update.json in the user-data folder, then the feed the
 * release was built with. A setting that is present but invalid disables updates rather than falling through to
 * the next source: an administrator who pointed clients elsewhere must not be silently overridden.
 */
export function loadUpdateSettings(sources: UpdateSettingsSources): UpdateSettings {
  const fromEnv = sources.env[UPDATE_URL_VARIABLE]?.trim();
  if (fromEnv) {
    if (!isAllowedFeedUrl(fromEnv)) return invalid(`${UPDATE_URL_VARIABLE} ${FEED_URL_RULE}, got "${fromEnv}".`);
    return { enabled: true, source: 'environment', feed: { url: fromEnv }, checkOnStart: true };
  }

  const file = join(sources.userDataDir, UPDATE_SETTINGS_FILE);
  let json: unknown;
  try {
    const text = readIfPresent(file);
    json = text === null ? undefined : JSON.parse(text);
  } catch (error) {
    // Unreadable (permissions, a folder of that name) or not JSON: say so rather than act as if there were none.
    return invalid(`${file} could not be read as JSON (${(error as Error).message}).`);
  }
  if (json !== undefined) {
    const parsed = UpdateSettingsFile.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
      return invalid(`${file} is invalid: ${problems}.`);
    }
    const { url, channel, checkOnStart } = parsed.data;
    return { enabled: true, source: 'file', feed: channel ? { url, channel } : { url }, checkOnStart };
  }

  if (sources.bundledFeedFile && existsSync(sources.bundledFeedFile)) {
    return { enabled: true, source: 'bundled', feed: null, checkOnStart: true };
  }
  return {
    enabled: false,
    invalid: false,
    reason: `No update feed is set. Set ${UPDATE_URL_VARIABLE}, or put ${UPDATE_SETTINGS_FILE} with {"url": "https://…"} in ${sources.userDataDir}.`,
  };
}

function invalid(problem: string): UpdateSettings {
  return { enabled: false, invalid: true, reason: `${problem} Updates are off until this is fixed.` };
}

/** The file's text, or null when there is none. */
function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
