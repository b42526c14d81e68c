import { X509Certificate } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyCentreTrust, pinCentreCertificate } from '../../src/main/certificate-pinning';
import { makeTestCertificate, type TestCertificate } from '../helpers/tls-certificate';

type VerifyProc = (request: { hostname: string; certificate: { data: string } }, callback: (result: number) => void) => void;

let pinned: TestCertificate;
let other: TestCertificate;

beforeAll(() => {
  pinned = makeTestCertificate();
  // Same name, another key: what an impostor, or a regenerated certificate, presents.
  other = makeTestCertificate();
});
afterAll(() => {
  rmSync(pinned.dir, { recursive: true, force: true });
  rmSync(other.dir, { recursive: true, force: true });
});

/** A session recording the verify proc, and Chromium's question to it. */
function fakeSession() {
  const session = { setCertificateVerifyProc: vi.fn<(proc: VerifyProc | null) => void>() };
  const verdict = (hostname: string, pem: string): number => {
    const proc = session.setCertificateVerifyProc.mock.calls.at(-1)![0]!;
    let result: number | undefined;
    proc({ hostname, certificate: { data: pem } }, (value) => (result = value));
    return result!;
  };
  return { session, verdict, asSession: session as unknown as Pick<Session, 'setCertificateVerifyProc'> };
}

describe('pinCentreCertificate', () => {
  it("accepts the pinned certificate for the centre's host", () => {
    const { verdict, asSession } = fakeSession();
    pinCentreCertificate(asSession, 'https://127.0.0.1:5170', new X509Certificate(pinned.cert).fingerprint256);
    expect(verdict('127.0.0.1', pinned.cert)).toBe(0);
  });

  it("leaves another certificate for the centre's host to Chromium, which refuses a self-signed one", () => {
    const { verdict, asSession } = fakeSession();
    pinCentreCertificate(asSession, 'https://127.0.0.1:5170', new X509Certificate(pinned.cert).fingerprint256);
    expect(verdict('127.0.0.1', other.cert)).toBe(-3);
    expect(verdict('127.0.0.1', 'not a certificate')).toBe(-3);
  });

  it('leaves every other host to Chromium, even with the pinned certificate', () => {
    const { verdict, asSession } = fakeSession();
    pinCentreCertificate(asSession, 'https://127.0.0.1:5170', new X509Certificate(pinned.cert).fingerprint256);
    expect(verdict('localhost', pinned.cert)).toBe(-3);
    expect(verdict('update.example', pinned.cert)).toBe(-3);
  });

  it('matches an IPv6 host with or without brackets', () => {
    const { verdict, asSession } = fakeSession();
    pinCentreCertificate(asSession, 'https://[fd00::20]:5170', new X509Certificate(pinned.cert).fingerprint256);
    expect(verdict('fd00::20', pinned.cert)).toBe(0);
    expect(verdict('[fd00::20]', pinned.cert)).toBe(0);
  });

  it('pins nothing when the system trusts the certificate', () => {
    const { session, asSession } = fakeSession();
    pinCentreCertificate(asSession, 'https://dispatch.example', null);
    expect(session.setCertificateVerifyProc).toHaveBeenCalledWith(null);
  });
});

describe('applyCentreTrust', () => {
  it('pins a remote centre and clears any pin for the local one', () => {
    const { session, verdict, asSession } = fakeSession();
    const fingerprint = new X509Certificate(pinned.cert).fingerprint256;
    applyCentreTrust(asSession, { mode: 'remote', url: 'https://127.0.0.1:5170', fingerprint });
    expect(verdict('127.0.0.1', pinned.cert)).toBe(0);
    applyCentreTrust(asSession, { mode: 'local' });
    expect(session.setCertificateVerifyProc).toHaveBeenLastCalledWith(null);
  });
});
