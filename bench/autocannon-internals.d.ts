/** The one file of autocannon's internals bench/load.ts reaches into (no types of its own): the per-connection queue of answers. */
declare module 'autocannon/lib/pipelinedRequestsQueue' {
  class PipelinedRequestsQueue {
    /** appends a chunk of the current answer's body to its string */
    addBody(data: Buffer): void;
  }
  export = PipelinedRequestsQueue;
}
