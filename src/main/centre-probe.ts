import { X509Certificate } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { CentreCertificate, CentreCheck } from '../shared/bridge';

export const PROBE_TIMEOUT_MS = 5000;
/** A health answer is a few dozen bytes; anything much larger is not one. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** A probe that failed, with a sentence for the person who typed the address. */
export class CentreProbeError extends Error {
  override readonly name = 'CentreProbeError';
}

/**
 * Asks `origin` (already checked by CentreUrl) for `/api/health` and reports the certificate it presented. The
 * certificate is not verified here (a centre's self-signed certificate must be shown before anyone trusts it);
 * `trustedBySystem` says whether Node's own verification (chain and name) accepted it.
 */
export function probeCentre(origin: string, options: { timeoutMs?: number } = {}): Promise<CentreCheck> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const url = new URL('/api/health', origin);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<CentreCheck>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (error: Error) =>
      settle(() => reject(error instanceof CentreProbeError ? error : new CentreProbeError(describeConnectionError(origin, url.hostname, error))));
    const request = send(url, { method: 'GET', headers: { accept: 'application/json' }, rejectUnauthorized: false, agent: false });
    const timer = setTimeout(() => {
      // Failed first, so the errors destroying the request causes are not what the user reads.
      fail(new CentreProbeError(`${origin} did not answer within ${timeoutMs / 1000} seconds.`));
      request.destroy();
    }, timeoutMs);
    request.on('error', fail);
    request.on('response', (response) => {
      // Read before the body: the socket is let go once the answer is complete.
      const socket = response.socket as TLSSocket;
      const certificate = url.protocol === 'https:' ? certificateOf(socket) : null;
      const trustedBySystem = url.protocol === 'https:' && socket.authorized;
      readAnswer(response)
        .then((body) => {
          const version = healthVersion(response.statusCode, body);
          if (version === null) throw new CentreProbeError(`${origin} answered, but it is not a Dispatch Control Room centre.`);
          settle(() => resolve({ url: origin, version, certificate, trustedBySystem }));
        })
        .catch(fail);
    });
    request.end();
  });
}

function certificateOf(socket: TLSSocket): CentreCertificate | null {
  const raw = socket.getPeerCertificate().raw;
  if (!raw) return null;
  const x509 = new X509Certificate(raw);
  return {
    subject: x509.subject.split('\n').join(', '),
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
    fingerprint256: x509.fingerprint256,
  };
}

function readAnswer(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) response.destroy(new CentreProbeError('The answer is too large to be a health answer.'));
      else chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

/** The version from a centre's health answer (`{"status":"ok","version":"…"}`), or null if it is not one. */
function healthVersion(status: number | undefined, body: string): string | null {
  if (status !== 200) return null;
  try {
    const answer = JSON.parse(body) as { status?: unknown; version?: unknown };
    return answer?.status === 'ok' && typeof answer.version === 'string' ? answer.version : null;
  } catch {
    return null;
  }
}

function describeConnectionError(origin: string, hostname: string, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return `Nothing answers at ${origin}. Check the address and port, and that the centre is running.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The name "${hostname}" could not be found. Check the address.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${hostname} cannot be reached from this computer. Check the network.`;
    case 'ECONNRESET':
    case 'EPROTO':
      return `${origin} closed the connection before it was secured. Is it a Dispatch Control Room centre served over HTTPS?`;
    default:
      if (code.startsWith('ERR_SSL_')) return `${origin} did not complete a secure connection (${code}). Is it served over HTTPS?`;
      return `${origin} could not be reached (${code || error.message}).`;
  }
}
