import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN } from '../helpers/test-server';

export interface Download {
  status: number;
  contentType: string;
  disposition: string;
  bytes: Buffer;
}

/** GET a binary route as bytes (the shared `api()` helper reads text). */
export async function download(base: string, path: string, token: string | null = ADMIN_TOKEN): Promise<Download> {
  const response = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The PDF's text with its layout kept (poppler's pdftotext -layout), and its pages as PNGs (pdftoppm). */
export function inspectPdf(bytes: Buffer): { text: string; pages: string[]; pngCount: number } {
  const dir = mkdtempSync(join(tmpdir(), 'dcr-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(dir, 'page')]);
    const pngCount = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).length;
    return { text, pages: text.split('\f').filter((p) => p.trim() !== ''), pngCount };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines of the text between a heading and the next heading (`1  Adherence by metric` … `2  Trend`). */
export function section(text: string, heading: string, next: string): string {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`no heading "${heading}" in the PDF text`);
  const end = text.indexOf(next, start + heading.length);
  return text.slice(start, end < 0 ? undefined : end);
}

/** A line of `text` with these cells in order, separated by layout spaces (at least two, or a line break). */
export function rowLine(text: string, cells: readonly string[]): string | undefined {
  const escaped = cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`^\\s*${escaped.join('\\s{2,}')}\\s*$`, 'm');
  return pattern.exec(text)?.[0];
}

/** RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

/** The rows of one CSV section as objects keyed by its header row. */
export function csvSection(rows: string[][], name: string): Record<string, string>[] {
  const mine = rows.filter((r) => r[0] === name);
  const [header, ...data] = mine;
  return data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]).slice(1)));
}
