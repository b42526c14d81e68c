import { COLOR, CONTENT_WIDTH, FONT, MARGIN, type ReportPdf } from './document';

export interface Column<R> {
  header: string;
  /** Share of the content width; a table's shares add up to 1. */
  width: number;
  /** Numbers are right-aligned so their digits line up. */
  align?: 'left' | 'right';
  value: (row: R) => string;
}

export interface TableSpec<R> {
  /** Repeated as "<caption> (continued)" above the header row on each further page. */
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** Rows drawn in bold with a rule above (e.g. a total). */
  emphasise?: (row: R) => boolean;
}

const ROW_HEIGHT = 14;
const HEADER_HEIGHT = 17;
const PAD = 4;
const SIZE = 8;

/** Cuts `text` to `width` points with an ellipsis, so every row stays one line and rows never split. */
export function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

function drawCells<R>(pdf: ReportPdf, columns: readonly Column<R>[], cells: readonly string[], y: number, height: number, font: string): void {
  let x = MARGIN.left;
  columns.forEach((column, i) => {
    const width = column.width * CONTENT_WIDTH;
    pdf.doc.font(font).fontSize(SIZE);
    const text = fit(pdf.doc, cells[i]!, width - 2 * PAD);
    // Placed by hand rather than with pdfkit's `width`/`align`, whose line wrapper can still break a cut cell.
    const left = column.align === 'right' ? x + width - PAD - pdf.doc.widthOfString(text) : x + PAD;
    pdf.doc.text(text, left, y + (height - SIZE) / 2 + 0.5, { lineBreak: false });
    x += width;
  });
}

function drawHeader<R>(pdf: ReportPdf, columns: readonly Column<R>[]): void {
  pdf.doc.rect(MARGIN.left, pdf.y, CONTENT_WIDTH, HEADER_HEIGHT).fill(COLOR.headerFill);
  pdf.doc.fillColor('#ffffff');
  drawCells(pdf, columns, columns.map((c) => c.header), pdf.y, HEADER_HEIGHT, FONT.bold);
  pdf.doc.fillColor(COLOR.ink);
  pdf.y += HEADER_HEIGHT;
}

/**
 * A table that breaks across pages cleanly: one-line rows (long text is cut with an ellipsis), zebra striping,
 * right-aligned numbers, and the header row repeated under a "(continued)" caption on every page it reaches.
 */
export function drawTable<R>(pdf: ReportPdf, spec: TableSpec<R>): void {
  pdf.ensureSpace(HEADER_HEIGHT + ROW_HEIGHT * Math.min(spec.rows.length, 3));
  drawHeader(pdf, spec.columns);
  spec.rows.forEach((row, index) => {
    if (pdf.y + ROW_HEIGHT > pdf.bottom) {
      pdf.newPage();
      pdf.doc.font(FONT.italic).fontSize(8).fillColor(COLOR.muted).text(`${spec.caption} (continued)`, MARGIN.left, pdf.y, { lineBreak: false });
      pdf.y += 13;
      drawHeader(pdf, spec.columns);
    }
    const strong = spec.emphasise?.(row) ?? false;
    if (index % 2 === 1) pdf.doc.rect(MARGIN.left, pdf.y, CONTENT_WIDTH, ROW_HEIGHT).fill(COLOR.zebra);
    if (strong) pdf.doc.moveTo(MARGIN.left, pdf.y).lineTo(MARGIN.left + CONTENT_WIDTH, pdf.y).lineWidth(0.6).strokeColor(COLOR.ink).stroke();
    pdf.doc.fillColor(COLOR.ink);
    drawCells(pdf, spec.columns, spec.columns.map((c) => c.value(row)), pdf.y, ROW_HEIGHT, strong ? FONT.bold : FONT.regular);
    pdf.y += ROW_HEIGHT;
  });
  pdf.doc.moveTo(MARGIN.left, pdf.y).lineTo(MARGIN.left + CONTENT_WIDTH, pdf.y).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
  pdf.y += 10;
}

/** A table, or a plain sentence when it has no rows (an empty grid tells an auditor nothing). */
export function tableOrNone<R>(pdf: ReportPdf, spec: TableSpec<R>, none: string): void {
  if (spec.rows.length === 0) pdf.paragraph(none, { color: COLOR.muted, font: FONT.italic });
  else drawTable(pdf, spec);
}
