// Prints `N passed, N failed` from Jest's JSON results. A suite that could
// not run at all (setup error, syntax error) counts as one failure, so a
// broken suite never hides behind a green count.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('no test results: the run stopped before Jest finished');
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
const brokenSuites = results.testResults.filter(
  (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
).length;
console.log(`${results.numPassedTests} passed, ${results.numFailedTests + brokenSuites} failed`);
