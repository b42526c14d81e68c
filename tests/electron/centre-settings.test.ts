import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { CENTRE_SETTINGS_FILE, CentreSettingFile, CentreUrl, loadCentreSetting, saveCentreSetting } from '../../src/main/centre-settings';

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');

let dir: string;
const logger = { ...silentLogger, error: vi.fn() };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcr-centre-'));
  logger.error.mockClear();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('centre.json', () => {
  it("is this computer's own centre when there is no file", () => {
    expect(loadCentreSetting(dir, logger)).toEqual({ mode: 'local' });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('round-trips a remote centre with a pinned fingerprint, and the local mode', () => {
    saveCentreSetting(dir, { mode: 'remote', url: 'https://192.168.1.20:5170', fingerprint: FINGERPRINT });
    expect(loadCentreSetting(dir, logger)).toEqual({ mode: 'remote', url: 'https://192.168.1.20:5170', fingerprint: FINGERPRINT });
    saveCentreSetting(dir, { mode: 'remote', url: 'https://dispatch.example', fingerprint: null });
    expect(loadCentreSetting(dir, logger)).toEqual({ mode: 'remote', url: 'https://dispatch.example', fingerprint: null });
    saveCentreSetting(dir, { mode: 'local' });
    expect(loadCentreSetting(dir, logger)).toEqual({ mode: 'local' });
    // Written through a temporary file renamed over the old one: nothing else is left in the folder.
    expect(readdirSync(dir)).toEqual([CENTRE_SETTINGS_FILE]);
    expect(JSON.parse(readFileSync(join(dir, CENTRE_SETTINGS_FILE), 'utf8'))).toEqual({ mode: 'local' });
  });

  it('creates the user-data folder when it does not exist yet', () => {
    const nested = join(dir, 'first', 'run');
    saveCentreSetting(nested, { mode: 'local' });
    expect(loadCentreSetting(nested, logger)).toEqual({ mode: 'local' });
  });

  it.each([
    ['not JSON', '{"mode": "remote", "url": '],
    ['an unknown mode', '{"mode": "cloud"}'],
    ['plain http to another computer', `{"mode": "remote", "url": "http://192.168.1.20:5170", "fingerprint": null}`],
    ['a malformed fingerprint', '{"mode": "remote", "url": "https://192.168.1.20:5170", "fingerprint": "AB:CD"}'],
    ['an unknown field', '{"mode": "local", "extra": true}'],
    ['not an object', '"remote"'],
  ])('falls back to this computer on a damaged file (%s) and logs it', (_label, text) => {
    writeFileSync(join(dir, CENTRE_SETTINGS_FILE), text);
    expect(loadCentreSetting(dir, logger)).toEqual({ mode: 'local' });
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]![1]).toMatchObject({ file: join(dir, CENTRE_SETTINGS_FILE) });
  });

  it('refuses to save an invalid setting', () => {
    expect(() => saveCentreSetting(dir, { mode: 'remote', url: 'http://10.0.0.5', fingerprint: null })).toThrow(/https/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps fingerprints as Node prints them (upper case)', () => {
    const parsed = CentreSettingFile.parse({ mode: 'remote', url: 'https://a.example', fingerprint: FINGERPRINT.toLowerCase() });
    expect(parsed).toEqual({ mode: 'remote', url: 'https://a.example', fingerprint: FINGERPRINT });
  });
});

describe('CentreUrl', () => {
  it.each([
    ['https://192.168.1.20:5170/', 'https://192.168.1.20:5170'],
    ['  192.168.1.20:5170  ', 'https://192.168.1.20:5170'],
    ['https://dispatch.example/#/login?x=1', 'https://dispatch.example'],
    ['https://dispatch.example:443', 'https://dispatch.example'],
    ['http://127.0.0.1:5170', 'http://127.0.0.1:5170'],
    ['http://localhost:5170', 'http://localhost:5170'],
    ['http://[::1]:5170', 'http://[::1]:5170'],
  ])('keeps the origin of %s', (text, origin) => {
    expect(CentreUrl.parse(text)).toBe(origin);
  });

  it.each([
    ['http://192.168.1.20:5170', /https/],
    ['http://dispatch.example', /https/],
    ['ftp://dispatch.example', /https/],
    ['file:///etc/passwd', /https|not a web address/],
    ['https://user:secret@dispatch.example', /not a web address/],
    ['', /Enter the address/],
    ['https://', /not a web address/],
  ])('refuses %s', (text, message) => {
    const parsed = CentreUrl.safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });
});
