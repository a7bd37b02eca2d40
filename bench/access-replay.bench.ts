/**
 * The access replay: every real one-line member addition the repository's history fixtures hold
 * (test/fixtures/k8s.io/sample-prs), and every member line of the real groups.yaml files
 * (kubernetes/k8s.io @ aba208c7) taken out and added back, replayed with the bot's own edit on
 * the file before and compared byte for byte with what the person wrote. Prints the table by
 * list convention and the figure the access issue asks for (additions whose line carries no
 * trailing comment, byte-identical with the bot's default choices), then the edit's speed.
 * Goal: >= 90% on the real history; no line ever in another section than the one chosen.
 */
import { performance } from 'node:perf_hooks';
import { historyCases, leaveOneOutCases, replay, replayTable } from '../test/access/helpers/replay-corpus.ts';

const cases = [...historyCases(), ...leaveOneOutCases()];
const started = performance.now();
const results = cases.map(replay);
const ms = performance.now() - started;
const table = replayTable(results);
console.table(table.rows);
for (const source of ['history', 'leave-one-out'] as const) {
  const { identical, of } = table.figure(source);
  console.log(`${source}: ${identical} of ${of} additions without a trailing comment byte-identical with the default choices (${((100 * identical) / Math.max(1, of)).toFixed(1)}%)`);
}
const crossedDefault = results.filter((r) => r.crossedSection).length;
const crossedChosen = results.filter((r) => r.crossedChosenSection).length;
console.log(`default section differs from the person's: ${crossedDefault} of ${results.filter((r) => r.kind.includes('sectioned')).length} lines of sectioned lists; with the section chosen: ${crossedChosen} crossings`);
console.log(`${results.length} replays (3 edits each) in ${ms.toFixed(0)} ms: ${((results.length * 3) / (ms / 1000)).toFixed(0)} edits/s`);
const history = table.figure('history');
if (crossedChosen > 0 || history.identical / Math.max(1, history.of) < 0.9) process.exitCode = 1;
