// pdfmake 0.3 has no TypeScript declarations; this covers the server-side API the PDF renderer calls.
declare module 'pdfmake' {
  interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }

  interface OutputDocument {
    /** The pdfkit document, laid out and drawn but not yet ended. */
    getStream(): Promise<unknown>;
    getBuffer(): Promise<Buffer>;
    write(filename: string): Promise<void>;
  }

  interface PdfMake {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(callback: ((url: string) => boolean) | undefined): void;
    setLocalAccessPolicy(callback: ((path: string) => boolean) | undefined): void;
    /** `definition` is a TDocumentDefinitions from ./types.ts (an ambient module cannot import it). */
    createPdf(definition: object, options?: { fontLayoutCache?: boolean; bufferPages?: boolean }): OutputDocument;
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}
