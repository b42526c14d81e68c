import { request } from 'node:https';
import { request as plainRequest } from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseCliOptions } from '../../../src/server/cli-options';
import { loadTlsMaterial } from '../../../src/server/tls-files';
import { makeTestCertificate, type TestCertificate } from '../../helpers/tls-certificate';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../helpers/test-server';

let certificate: TestCertificate;
let server: TestServer;
beforeAll(async () => {
  certificate = makeTestCertificate();
  server = await startTestServer({ demo: false, tls: loadTlsMaterial(certificate.certFile, certificate.keyFile) });
});
afterAll(async () => {
  await server.stop();
  rmSync(certificate.dir, { recursive: true, force: true });
});

function httpsGet(url: string, ca: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a centre serving the LAN over TLS', () => {
  it('answers over HTTPS with a certificate the client trusts, and tells browsers to stay on HTTPS', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await httpsGet(`${server.url}/api/health`, certificate.cert);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('refuses a client that does not trust the certificate', async () => {
    await expect(httpsGet(`${server.url}/api/health`, '')).rejects.toThrow(/self-signed|certificate/i);
  });

  it('never answers plain HTTP on the TLS port', async () => {
    const plainUrl = server.url.replace('https:', 'http:');
    const outcome = await new Promise<string>((resolve) => {
      const req = plainRequest(`${plainUrl}/api/health`, (res) => resolve(`answered ${res.statusCode}`));
      req.on('error', (error) => resolve(`error ${(error as NodeJS.ErrnoException).code ?? error.message}`));
      req.end();
    });
    expect(outcome).toMatch(/^error /);
  });

  it('streams live events over wss with the same certificate', async () => {
    const socket = new WebSocket(`${server.url.replace('https:', 'wss:')}/api/v1/events`, { ca: certificate.cert });
    const ready = await new Promise<{ type: string; role: string }>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ type: 'auth', token: ADMIN_TOKEN })));
      socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
      socket.once('error', reject);
    });
    socket.close();
    expect(ready).toMatchObject({ type: 'ready', role: 'admin' });
  });
});

describe('TLS files and flags', () => {
  it('says which file is wrong and why', () => {
    const notPem = join(certificate.dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    expect(() => loadTlsMaterial(notPem, certificate.keyFile)).toThrow(`The TLS certificate file ${notPem} is not PEM (no "-----BEGIN" line).`);
    expect(() => loadTlsMaterial(join(certificate.dir, 'missing.crt'), certificate.keyFile)).toThrow(/cannot be read: ENOENT/);
    const other = makeTestCertificate('other');
    try {
      expect(() => loadTlsMaterial(certificate.certFile, other.keyFile)).toThrow(/cannot be used together/);
    } finally {
      rmSync(other.dir, { recursive: true, force: true });
    }
  });

  it('refuses to serve the network without TLS unless explicitly waived', () => {
    expect(() => parseCliOptions(['--host', '0.0.0.0'])).toThrow('--host: serving the network needs --tls-cert and --tls-key (or --insecure-http to send tokens unencrypted)');
    expect(() => parseCliOptions(['--host', '0.0.0.0', '--tls-cert', 'a.crt'])).toThrow('--tls-cert: give both --tls-cert and --tls-key, or neither');
    expect(parseCliOptions(['--host', '0.0.0.0', '--insecure-http'])).toMatchObject({ host: '0.0.0.0', insecureHttp: true });
    expect(parseCliOptions(['--host', '10.0.0.5', '--tls-cert', 'a.crt', '--tls-key', 'a.key'])).toMatchObject({ tlsCert: 'a.crt', tlsKey: 'a.key' });
    expect(parseCliOptions(['--host', '127.0.0.2']).host).toBe('127.0.0.2');
  });
});
