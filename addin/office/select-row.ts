/** Shows the user a source row: activates its sheet and selects the whole row. */
export async function selectSourceRow(sheetName: string, row: number): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(`${row}:${row}`).select();
    await context.sync();
  });
}
