import PDFDocument from 'pdfkit';

/** A4 portrait in points, with room above and below the content for the running header and footer. */
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 76, bottom: 58, left: 50, right: 50 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const COLOR = {
  ink: '#1f2933',
  muted: '#52606d',
  rule: '#9aa5b1',
  headerFill: '#243b53',
  zebra: '#eef2f6',
  accent: '#0b5c85',
  bad: '#b42318',
} as const;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', mono: 'Courier' } as const;

export interface DocumentInfo {
  title: string;
  subject: string;
  /** Fixed from the report, so the same report always yields the same bytes. */
  createdAt: number;
}

/**
 * The report's PDF as a flowing document: a cursor `y` that the sections advance, and page breaks taken before
 * anything would cross the bottom margin. Pages are buffered so the header and "Page n of N" footer are stamped
 * once the page count is known.
 */
export class ReportPdf {
  readonly doc: PDFKit.PDFDocument;
  y: number = MARGIN.top;

  constructor(info: DocumentInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      info: {
        Title: info.title,
        Subject: info.subject,
        Author: 'Dispatch Control Room',
        Creator: 'Dispatch Control Room',
        CreationDate: new Date(info.createdAt),
      },
    });
    this.doc.font(FONT.regular).fillColor(COLOR.ink);
  }

  get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` more points fit below the cursor. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** A numbered section title, kept together with at least `keep` points of what follows it. */
  heading(text: string, keep = 90): void {
    this.ensureSpace(28 + keep);
    if (this.y > MARGIN.top) this.y += 10;
    this.doc.font(FONT.bold).fontSize(13).fillColor(COLOR.accent).text(text, MARGIN.left, this.y, { width: CONTENT_WIDTH, lineBreak: false });
    this.y += 18;
    this.doc.moveTo(MARGIN.left, this.y).lineTo(MARGIN.left + CONTENT_WIDTH, this.y).lineWidth(0.6).strokeColor(COLOR.accent).stroke();
    this.y += 8;
    this.doc.fillColor(COLOR.ink);
  }

  subheading(text: string, keep = 60): void {
    this.ensureSpace(18 + keep);
    this.y += 4;
    this.doc.font(FONT.bold).fontSize(10).fillColor(COLOR.ink).text(text, MARGIN.left, this.y, { width: CONTENT_WIDTH, lineBreak: false });
    this.y += 15;
  }

  /** Wrapped body text; pdfkit itself continues a long paragraph on the next page. */
  paragraph(text: string, opts: { size?: number; color?: string; font?: string; gap?: number } = {}): void {
    const size = opts.size ?? 9;
    this.doc.font(opts.font ?? FONT.regular).fontSize(size);
    // At least three lines on this page; the rest of a long paragraph may flow onto the next.
    this.ensureSpace(Math.min(this.doc.heightOfString(text, { width: CONTENT_WIDTH, lineGap: 1.5 }), 3 * size * 1.4));
    this.doc.fillColor(opts.color ?? COLOR.ink).text(text, MARGIN.left, this.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
    this.y = this.doc.y + (opts.gap ?? 6);
    this.doc.fillColor(COLOR.ink);
  }

  /** Label/value lines, labels in a fixed column: the facts at the top of the report. */
  facts(rows: readonly [string, string][], labelWidth = 92): void {
    for (const [label, value] of rows) {
      this.doc.font(FONT.regular).fontSize(9.5);
      const height = this.doc.heightOfString(value, { width: CONTENT_WIDTH - labelWidth });
      this.ensureSpace(height);
      this.doc.font(FONT.bold).fillColor(COLOR.muted).text(label, MARGIN.left, this.y, { width: labelWidth, lineBreak: false });
      this.doc.font(FONT.regular).fillColor(COLOR.ink).text(value, MARGIN.left + labelWidth, this.y, { width: CONTENT_WIDTH - labelWidth });
      this.y += height + 4;
    }
  }

  /** The finished file. */
  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
