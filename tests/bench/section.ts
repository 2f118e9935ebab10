// One part of `npm run bench`: it measures one speed goal of issue 12 next to its floor (what the
// same machine does without the app: a plain Socket.IO broadcast, `pgbench -N`, an empty Node start)
// and returns figures. Nothing here asserts: the runner prints every figure and saves them all.

export interface Figure {
  /** What was measured, in a few English words: 'last viewer p99', 'commands/s (16 senders)'. */
  name: string
  value: number
  unit: string
  /** The same measurement without the app, in the same run, when there is one. */
  floor?: number
  /** The goal in words, e.g. '≤ 2 s', '≥ 40 % of pgbench -N'. */
  goal?: string
  /** Whether this run met the goal; absent when the figure has no goal of its own. */
  met?: boolean
}

export interface BenchSection {
  /** Short name, used by `npm run bench -- --only <name>`: 'broadcast', 'restart', 'documents' … */
  name: string
  run(options: { databaseUrl?: string; quick?: boolean }): Promise<Figure[]>
}
