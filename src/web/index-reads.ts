/** The read index as pages and feeds reach it: one call per stub, counted for the benchmarks. */
import { count } from '../metrics';
import { readIndex, type ReadIndex } from '../store/read-index';

export function indexForReads(env: { READ_INDEX: DurableObjectNamespace<ReadIndex> }): DurableObjectStub<ReadIndex> {
  count('indexCalls');
  return readIndex(env);
}
