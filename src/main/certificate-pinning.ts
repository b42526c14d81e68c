import { X509Certificate } from 'node:crypto';
import type { Session } from 'electron';
import type { CentreSetting } from '../shared/bridge';

/** Chromium's verdicts for a certificate verify proc: accept, or use Chromium's own verification. */
const ACCEPT = 0;
const USE_CHROMIUM = -3;

/**
 * Trusts the centre's certificate by its SHA-256 fingerprint, as the user compared it when pairing: for the
 * centre's host, a certificate with exactly that fingerprint is accepted; anything else (another host, or a changed
 * certificate) goes through Chromium's own verification, so a changed self-signed certificate is refused until the
 * workstation is paired again. Chromium's request names the host but not the port, so the pin is per host.
 * A null fingerprint (the system trusts the certificate) leaves verification to Chromium alone.
 */
export function pinCentreCertificate(session: Pick<Session, 'setCertificateVerifyProc'>, centreUrl: string, fingerprint: string | null): void {
  if (fingerprint === null) {
    session.setCertificateVerifyProc(null);
    return;
  }
  const host = bareHost(new URL(centreUrl).hostname);
  session.setCertificateVerifyProc((request, callback) => {
    const pinned = bareHost(request.hostname) === host && fingerprintOf(request.certificate.data) === fingerprint;
    callback(pinned ? ACCEPT : USE_CHROMIUM);
  });
}

/** What main applies to the windows' session for a centre setting: a pin for a remote centre, nothing otherwise. */
export function applyCentreTrust(session: Pick<Session, 'setCertificateVerifyProc'>, setting: CentreSetting): void {
  if (setting.mode === 'remote') pinCentreCertificate(session, setting.url, setting.fingerprint);
  else session.setCertificateVerifyProc(null);
}

/** IPv6 hosts are bracketed in URLs but may not be in Chromium's request. */
function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function fingerprintOf(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}
