import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsPath } from '@hearth/temporal';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The replay gate: histories saved from earlier code must replay on the current workflows
 * without a non-determinism error, or running cases would break on deploy.
 */
describe('saved workflow histories replay on the current code', () => {
  const directory = join(__dirname, 'histories');
  const files = readdirSync(directory).filter((file) => file.endsWith('.json'));

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('replays every saved history', async () => {
    Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
    const histories = files.map((file) => ({ workflowId: file, history: historyFromJSON(JSON.parse(readFileSync(join(directory, file), 'utf8'))) }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath, bundlerOptions: workflowBundlerOptions, replayName: 'hearth-replay-gate' }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
