/** The notice XML address; TED writes the number without leading zeros (`262891-2023`; the XML has `00262891-2023`). */
export function tedXmlUrl(publicationNumber: string): string {
  const [number = '', year = ''] = publicationNumber.split('-');
  return `https://ted.europa.eu/en/notice/${String(Number(number))}-${year}/xml`;
}
