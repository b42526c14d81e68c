/** svg-to-pdfkit ships no types; this declares the one function the report uses. */
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    /** Viewport in PDF points (the SVG is scaled into it). */
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat SVG units as points rather than CSS pixels (1 px = 0.75 pt). */
    assumePt?: boolean;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
