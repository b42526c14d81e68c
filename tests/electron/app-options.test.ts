import { describe, expect, it } from 'vitest';
import { parseAppOptions } from '../../src/main/app-options';

const DEFAULTS = { dataDir: undefined, demo: false, seed: 1, headless: false, serve: false, host: '127.0.0.1', port: 5170, insecureHttp: false };

describe('parseAppOptions', () => {
  it('reads the app flags and ignores Electron’s and Chromium’s', () => {
    expect(parseAppOptions(['.', '--enable-logging', '--data-dir', '/srv/dcr', '--demo', '--seed', '42'])).toEqual({ ...DEFAULTS, dataDir: '/srv/dcr', demo: true, seed: 42 });
    expect(parseAppOptions([])).toEqual(DEFAULTS);
  });

  it('reads the headless server’s flags', () => {
    const argv = ['--headless', '--host', '0.0.0.0', '--port', '8443', '--web-root', '/srv/web', '--tls-cert', '/etc/dcr/c.pem', '--tls-key', '/etc/dcr/k.pem'];
    expect(parseAppOptions(argv)).toEqual({ ...DEFAULTS, headless: true, host: '0.0.0.0', port: 8443, webRoot: '/srv/web', tlsCert: '/etc/dcr/c.pem', tlsKey: '/etc/dcr/k.pem' });
    expect(parseAppOptions(['--headless', '--host', '192.168.1.20', '--insecure-http', '--port', '0'])).toMatchObject({ host: '192.168.1.20', port: 0, insecureHttp: true });
    // Off loopback without TLS matters only when something serves: a plain desktop serves nobody.
    expect(parseAppOptions(['--host', '0.0.0.0'])).toMatchObject({ headless: false, serve: false, host: '0.0.0.0' });
    expect(parseAppOptions(['--serve', '--host', '0.0.0.0', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toMatchObject({ serve: true, tlsCert: 'c.pem' });
  });

  it.each([
    [['--seed'], '--seed'],
    [['--seed', 'many'], '--seed: expected an integer'],
    [['--data-dir'], '--data-dir'],
    [['--port'], '--port'],
    [['--port', '70000'], '--port'],
    [['--port', 'http'], '--port: expected an integer'],
    [['--tls-cert', '/etc/dcr/c.pem'], '--tls-cert: give both --tls-cert and --tls-key, or neither'],
    [['--headless', '--host', '0.0.0.0'], '--host: serving the network needs --tls-cert and --tls-key'],
    [['--serve', '--host', '0.0.0.0'], '--host: serving the network needs --tls-cert and --tls-key'],
  ])('refuses %j with a message naming the flag', (argv, message) => {
    expect(() => parseAppOptions(argv)).toThrow(message);
  });
});
