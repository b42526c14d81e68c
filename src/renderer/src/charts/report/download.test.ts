import { describe, expect, it } from 'vitest';
import { base64ToBytes, filenameFromDisposition, reportDownloadUrl } from './download';

describe('report downloads', () => {
  it('puts the period, the set filters and the zone in the binary route’s query', () => {
    const url = reportDownloadUrl('pdf', {
      from: '2026-11-17T23:00:00.000Z',
      to: '2026-11-24T23:00:00.000Z',
      priority: 'P1',
      customerId: undefined,
      timeZone: 'Europe/Amsterdam',
    });
    expect(url).toBe(
      '/api/v1/reports/compliance.pdf?from=2026-11-17T23%3A00%3A00.000Z&to=2026-11-24T23%3A00%3A00.000Z&priority=P1&timeZone=Europe%2FAmsterdam',
    );
    expect(reportDownloadUrl('csv', { from: 'a', to: 'b' })).toBe('/api/v1/reports/compliance.csv?from=a&to=b');
  });

  it('reads the file name the server gives', () => {
    expect(filenameFromDisposition('attachment; filename="sla-compliance-2026-11-18-to-2026-11-24.pdf"', 'x.pdf')).toBe(
      'sla-compliance-2026-11-18-to-2026-11-24.pdf',
    );
    expect(filenameFromDisposition("attachment; filename*=UTF-8''r%C3%A9port.csv", 'x.csv')).toBe('réport.csv');
    expect(filenameFromDisposition('attachment; filename=plain.csv', 'x.csv')).toBe('plain.csv');
    expect(filenameFromDisposition(null, 'x.csv')).toBe('x.csv');
    expect(filenameFromDisposition('attachment', 'x.csv')).toBe('x.csv');
  });

  it('decodes base64 to the file’s bytes', () => {
    expect([...base64ToBytes('JVBERi0=')]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(new TextDecoder().decode(base64ToBytes('JVBERi0='))).toBe('%PDF-');
  });
});
