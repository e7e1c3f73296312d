// Reads Jest's JSON results and prints two numbers, "<passed> <failed>",
// for .ci/run to report. A suite that could not run at all (setup error,
// syntax error) counts as one failure, so a broken suite never hides behind
// a green count; no results at all (the run stopped before Jest finished)
// counts as one failure too.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error('no test results: the run stopped before Jest finished');
  console.log('0 1');
  process.exit(0);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
const brokenSuites = results.testResults.filter(
  (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
).length;
console.log(`${results.numPassedTests} ${results.numFailedTests + brokenSuites}`);
