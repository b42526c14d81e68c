import { shell } from 'electron';

/**
 * A link that leaves the app (documentation, a customer's website) opens in the system browser, and only if it is
 * plain web: `shell.openExternal` hands its URL to the OS, which would as happily run `file:`, `smb:` or a custom
 * protocol handler. Credentials in the URL are refused too (they are how phishing links disguise their host).
 * This is the one place the app calls `shell.openExternal`.
 */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.hostname !== '';
}

/** Opens a checked URL in the system browser; returns whether it did. */
export function openExternalSafely(raw: string, onError: (error: unknown) => void): boolean {
  if (!isSafeExternalUrl(raw)) return false;
  shell.openExternal(raw).catch(onError);
  return true;
}
