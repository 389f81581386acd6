/**
 * What the reader accepts. Excel's own sheet size, and caps on what a part may inflate to, so that a
 * hostile file is refused before (declared sizes) or while (real sizes) it is inflated.
 */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Zip entries: an .xlsx with 10 000 sheets has about 10 000; Excel's limit on sheets is memory. */
export const MAX_PARTS = 100_000;
/** workbook.xml, relationships, [Content_Types].xml, styles.xml: small XML in any real workbook. */
export const MAX_SMALL_PART_BYTES = 64 * 1024 * 1024;
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;
export const MAX_WORKSHEET_BYTES = 512 * 1024 * 1024;
/**
 * The XML of one cell or shared string, held while it arrives: Excel's longest text is 32 767
 * characters; rich text runs and entities make it a few times that at most.
 */
export const MAX_ELEMENT_CHARS = 4 * 1024 * 1024;
