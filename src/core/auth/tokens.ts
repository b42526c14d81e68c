import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets are 256-bit random strings, so a fast SHA-256 is the right way to store them (unlike passwords,
 * which need a slow KDF). The prefix tells a human which kind of secret leaked: `dcr_s_` session, `dcr_k_` key.
 */
export function newSecret(kind: 's' | 'k'): string {
  return `dcr_${kind}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** First characters of a key, stored in clear so admins can recognise a key without seeing it. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, 12);
}
