import { describe, expect, it } from 'vitest'
import { applyMove, dropPosition, keyboardMovePosition } from './queueMoves'

const queue = [4, 7, 2, 9]

describe('keyboardMovePosition', () => {
  it('moves one place up or down, to the top or to the bottom', () => {
    expect(keyboardMovePosition(queue, 2, 'up')).toBe(1)
    expect(keyboardMovePosition(queue, 2, 'down')).toBe(3)
    expect(keyboardMovePosition(queue, 9, 'top')).toBe(0)
    expect(keyboardMovePosition(queue, 4, 'bottom')).toBe(3)
  })

  it('answers null at the edges, for the same place and for a speaker not waiting', () => {
    expect(keyboardMovePosition(queue, 4, 'up')).toBeNull()
    expect(keyboardMovePosition(queue, 9, 'down')).toBeNull()
    expect(keyboardMovePosition(queue, 4, 'top')).toBeNull()
    expect(keyboardMovePosition(queue, 9, 'bottom')).toBeNull()
    expect(keyboardMovePosition(queue, 5, 'up')).toBeNull()
    expect(keyboardMovePosition([], 5, 'top')).toBeNull()
  })

  it('gives the index the server expects: applying it moves exactly one place', () => {
    expect(applyMove(queue, 2, keyboardMovePosition(queue, 2, 'up')!)).toEqual([4, 2, 7, 9])
    expect(applyMove(queue, 2, keyboardMovePosition(queue, 2, 'down')!)).toEqual([4, 7, 9, 2])
    expect(applyMove(queue, 7, keyboardMovePosition(queue, 7, 'bottom')!)).toEqual([4, 2, 9, 7])
  })
})

describe('dropPosition', () => {
  it('drops before or after a row, counted without the dragged speaker', () => {
    // Dragging 4 (first) after 2 (third): the queue becomes 7, 2, 4, 9.
    expect(applyMove(queue, 4, dropPosition(queue, 4, 2, 'after')!)).toEqual([7, 2, 4, 9])
    // Dragging 9 (last) before 7: 4, 9, 7, 2.
    expect(applyMove(queue, 9, dropPosition(queue, 9, 7, 'before')!)).toEqual([4, 9, 7, 2])
    // Dragging 7 before the first row puts them next.
    expect(dropPosition(queue, 7, 4, 'before')).toBe(0)
    // Dragging 7 after the last row puts them last.
    expect(applyMove(queue, 7, dropPosition(queue, 7, 9, 'after')!)).toEqual([4, 2, 9, 7])
  })

  it('answers null when the drop leaves the queue as it was', () => {
    expect(dropPosition(queue, 7, 7, 'before')).toBeNull()
    expect(dropPosition(queue, 7, 4, 'after')).toBeNull() // already right after 4
    expect(dropPosition(queue, 7, 2, 'before')).toBeNull() // already right before 2
    expect(dropPosition(queue, 5, 2, 'before')).toBeNull()
    expect(dropPosition(queue, 7, 5, 'before')).toBeNull()
  })
})

describe('applyMove', () => {
  it('clamps the position like the server', () => {
    expect(applyMove(queue, 4, 99)).toEqual([7, 2, 9, 4])
    expect(applyMove(queue, 3, 0)).toEqual(queue)
  })
})
