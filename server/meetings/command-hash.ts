import { createHash } from 'node:crypto'

// A stable fingerprint of a validated command, so that a reused command id carrying a different
// command is refused instead of silently answered with the first command's result.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}

export function commandHash(command: object): string {
  return createHash('sha256').update(JSON.stringify(canonical(command))).digest('base64url')
}
