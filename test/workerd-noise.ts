/**
 * Why `npm test` printed "uncaught exception ... Network connection lost" on a green run:
 * vitest-pool-workers runs workerd with `verbose: true` (its shared Miniflare options, which a
 * project cannot override) and prints every structured log line but a short ignore list. In
 * verbose mode workerd logs each subrequest that failed at the network level (connection
 * refused, a peer that hung up, a body stream the Worker cancelled) as an internal "uncaught
 * exception", even though the Worker caught the rejection and handled it: the tests that prove
 * a refused connection is a `network` failure, or that a 200 MB body is cut off, cause exactly
 * that. `wrangler dev` runs workerd without verbose logging and shows none of it (checked with
 * a Worker that catches a fetch to 127.0.0.1:1).
 *
 * So the lines are dropped here, in the test process, by their exact shape: only workerd's
 * diagnostics of a disconnected subrequest, never a test's own output or a real failure (which
 * reaches the test as a rejected fetch and fails it).
 */
const NOISE = [
  /^uncaught exception; source = Uncaught \(in promise\); stack = Error: Network connection lost\./,
  /^uncaught exception; exception = \S+: disconnected: jsg\.Error: Network connection lost\./,
  /^exception = kj\/\S+: disconnected: (connect\(\): Connection refused|read end of pipe was aborted|stream disconnected prematurely)/,
];

const isNoise = (chunk: unknown) => typeof chunk === 'string' && NOISE.some((pattern) => pattern.test(chunk));

/** Wraps stdout and stderr so writes that are wholly such a diagnostic are dropped. */
export function dropWorkerdSubrequestNoise(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => (isNoise(chunk) ? true : write(chunk, ...rest))) as typeof stream.write;
  }
}
