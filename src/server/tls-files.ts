import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { TlsMaterial } from './server';

/**
 * Reads a PEM certificate and key and proves they work together before the server starts, so a wrong path, a
 * non-PEM file or a key of another certificate is one clear sentence instead of a handshake failure later.
 */
export function loadTlsMaterial(certFile: string, keyFile: string): TlsMaterial {
  const cert = readPem(certFile, 'certificate');
  const key = readPem(keyFile, 'private key');
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(`The TLS certificate ${certFile} and key ${keyFile} cannot be used together: ${(error as Error).message}`, { cause: error });
  }
  return { cert, key };
}

function readPem(file: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The TLS ${what} file ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  if (!text.includes('-----BEGIN ')) throw new Error(`The TLS ${what} file ${file} is not PEM (no "-----BEGIN" line).`);
  return text;
}

/** The line a host prints at start: workstations show the fingerprint they are offered, to be compared with this. */
export function fingerprintLine(tls: TlsMaterial): string {
  return `TLS certificate SHA-256 fingerprint: ${new X509Certificate(tls.cert).fingerprint256}\n`;
}
