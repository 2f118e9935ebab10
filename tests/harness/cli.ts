import { parseArgs, type ParseArgsConfig } from 'node:util'

// Command-line options shared by the harnesses (bench, fuzz, chaos): one way to read them and one
// way to refuse a bad one, with the usage printed after the message.

export class UsageError extends Error {}

/** The command line's values, as node:util parseArgs reads them in strict mode; a bad flag is a UsageError. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, strict: true, options }).values
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

/** A number option within [min, max] (whole when `integer`), or the fallback when absent. */
export function numberFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number, integer = false): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, not «${raw}».`)
  }
  return n
}
