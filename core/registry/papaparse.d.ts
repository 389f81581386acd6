/*
 * The parts of papaparse that core uses. core imports the package's file directly
 * ('papaparse/papaparse.js') instead of 'papaparse' because @types/papaparse pulls in the Node types,
 * which would let Node APIs slip into core unnoticed (core/tsconfig.json has no Node types on purpose).
 */
declare module 'papaparse/papaparse.js' {
  interface ParseError {
    readonly type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    readonly code: string;
    readonly message: string;
    readonly row?: number;
    /** Character offset of the problem in the parsed text. */
    readonly index?: number;
  }
  interface ParseResult {
    readonly data: string[][];
    readonly errors: readonly ParseError[];
  }
  interface ParseConfig {
    readonly delimiter: string;
    readonly newline: string;
    readonly header: false;
    readonly skipEmptyLines: false;
    readonly quoteChar?: string;
  }
  interface UnparseConfig {
    readonly delimiter: string;
    readonly newline: string;
    readonly escapeFormulae: boolean;
    readonly quotes?: boolean;
  }
  const Papa: {
    parse(input: string, config: ParseConfig): ParseResult;
    unparse(rows: readonly (readonly string[])[], config: UnparseConfig): string;
  };
  export default Papa;
}
