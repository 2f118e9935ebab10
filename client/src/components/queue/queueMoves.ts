// Where a waiting speaker goes when the secretary reorders the queue. The server's speaker:move takes
// the speaker's final index in the queue (0 = next); these helpers turn a key press or a drop into
// that index, or null when nothing would change (so no command is sent for a no-op).

export type KeyboardMove = 'up' | 'down' | 'top' | 'bottom'

export function keyboardMovePosition(queue: readonly number[], speakerNo: number, move: KeyboardMove): number | null {
  const from = queue.indexOf(speakerNo)
  if (from < 0) return null
  const last = queue.length - 1
  const to = move === 'up' ? from - 1 : move === 'down' ? from + 1 : move === 'top' ? 0 : last
  if (to < 0 || to > last || to === from) return null
  return to
}

/**
 * Dropping `speakerNo` before or after the row of `targetNo`. The final index is counted in the
 * queue without the dragged speaker, as the server does.
 */
export function dropPosition(queue: readonly number[], speakerNo: number, targetNo: number, placement: 'before' | 'after'): number | null {
  const from = queue.indexOf(speakerNo)
  if (from < 0 || speakerNo === targetNo) return null
  const rest = queue.filter((no) => no !== speakerNo)
  const target = rest.indexOf(targetNo)
  if (target < 0) return null
  const to = placement === 'before' ? target : target + 1
  return to === from ? null : to
}

/** The queue as it will look after moving `speakerNo` to `position` (the server's rule). */
export function applyMove(queue: readonly number[], speakerNo: number, position: number): number[] {
  if (!queue.includes(speakerNo)) return [...queue]
  const rest = queue.filter((no) => no !== speakerNo)
  const to = Math.max(0, Math.min(position, rest.length))
  return [...rest.slice(0, to), speakerNo, ...rest.slice(to)]
}
