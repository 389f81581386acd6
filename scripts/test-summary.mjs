// Prints the plain `N passed, N failed` line CI reads, from vitest's JSON report.
import { existsSync, readFileSync } from 'node:fs';

const [file, status] = process.argv.slice(2);
const ok = status === '0';
if (!existsSync(file)) {
  // The run stopped before the tests (install, typecheck, lint or build failed).
  console.log(`0 passed, ${ok ? 0 : 1} failed`);
} else {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that fails to load has no failed test but does fail the run: count it.
  const failed = report.numFailedTests || (ok ? 0 : Math.max(1, report.numFailedTestSuites));
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
