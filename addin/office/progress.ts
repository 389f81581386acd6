/** Where a long check is, for the pane's progress bar: rows read of the sheet, rows written of the results. */
export interface CheckProgress {
  readonly phase: 'read' | 'check' | 'write';
  readonly done: number;
  readonly total: number;
}

/** What a long Office operation reports to, and the signal that cancels it between two syncs. */
export interface Progress {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CheckProgress) => void;
}
