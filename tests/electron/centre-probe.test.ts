import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CentreProbeError, PROBE_TIMEOUT_MS, probeCentre } from '../../src/main/centre-probe';
import { makeTestCertificate, type TestCertificate } from '../helpers/tls-certificate';

let certificate: TestCertificate;
const servers: { close(): void }[] = [];

beforeAll(() => {
  certificate = makeTestCertificate();
});
afterAll(() => rmSync(certificate.dir, { recursive: true, force: true }));
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** An HTTPS server on 127.0.0.1 with the test certificate, answering every request with `answer`. */
async function httpsCentre(answer: { status?: number; body: string }): Promise<string> {
  const server = createHttpsServer({ cert: certificate.cert, key: certificate.key }, (_request, response) => {
    response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(answer.body);
  });
  return listen(server, 'https');
}

async function listen(server: Server | ReturnType<typeof createTcpServer>, scheme: string): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port that refuses connections: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('probeCentre', () => {
  it("reports the centre's version and exactly the certificate it presents, not trusted by the system", async () => {
    const origin = await httpsCentre({ body: JSON.stringify({ status: 'ok', version: '1.4.2' }) });
    const check = await probeCentre(origin);
    const x509 = new X509Certificate(certificate.cert);
    expect(check).toEqual({
      url: origin,
      version: '1.4.2',
      trustedBySystem: false,
      certificate: {
        subject: 'CN=127.0.0.1',
        validFrom: new Date(x509.validFrom).toISOString(),
        validTo: new Date(x509.validTo).toISOString(),
        fingerprint256: x509.fingerprint256,
      },
    });
    expect(check.certificate!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('probes a plain http centre on this computer, which has no certificate', async () => {
    const server = createHttpServer((_request, response) => response.end(JSON.stringify({ status: 'ok', version: '2.0.0' })));
    const origin = await listen(server, 'http');
    expect(await probeCentre(origin)).toEqual({ url: origin, version: '2.0.0', certificate: null, trustedBySystem: false });
  });

  it('says nothing answers when the connection is refused', async () => {
    const origin = `https://127.0.0.1:${await closedPort()}`;
    const failure = probeCentre(origin);
    await expect(failure).rejects.toBeInstanceOf(CentreProbeError);
    await expect(failure).rejects.toThrow(`Nothing answers at ${origin}. Check the address and port, and that the centre is running.`);
  });

  it.each([
    ['a page that is not JSON', { body: '<html>Router login</html>' }],
    ['JSON that is not a health answer', { body: JSON.stringify({ status: 'up' }) }],
    ['an error status', { status: 404, body: JSON.stringify({ status: 'ok', version: '1.0.0' }) }],
  ])('says the server is not a centre when it answers %s', async (_label, answer) => {
    const origin = await httpsCentre(answer);
    await expect(probeCentre(origin)).rejects.toThrow(`${origin} answered, but it is not a Dispatch Control Room centre.`);
  });

  it('gives up after the timeout when the server never answers', async () => {
    // TLS completes, then the request hangs: a stuck server, or something else listening on the port.
    const server = createHttpsServer({ cert: certificate.cert, key: certificate.key }, () => {});
    const origin = await listen(server, 'https');
    const started = Date.now();
    await expect(probeCentre(origin, { timeoutMs: 300 })).rejects.toThrow(`${origin} did not answer within 0.3 seconds.`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(PROBE_TIMEOUT_MS).toBe(5000);
    server.closeAllConnections();
  });

  it('says the connection was not secured when the server speaks plain http on an https address', async () => {
    const server = createHttpServer((_request, response) => response.end('{}'));
    const origin = (await listen(server, 'http')).replace('http:', 'https:');
    await expect(probeCentre(origin)).rejects.toThrow(/did not complete a secure connection|closed the connection before it was secured/);
  });
});
