import { createHash } from 'node:crypto'
import type { Command } from '../../shared/meeting/commands'

// A phone proves a request is its own with a secret it generated. The log keeps only the secret's
// SHA-256 digest (the secretary's screens receive the events as they are, and the log is kept for
// years): whoever reads the log cannot withdraw a request, or ask about it, in the phone's name.

export const secretDigest = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex')

/** The command as the domain decides it: a phone's secret replaced by its digest. */
export function sealSpeakRequestSecret(command: Command): Command {
  if (command.type === 'speak-request:submit' || command.type === 'speak-request:withdraw') return { ...command, secret: secretDigest(command.secret) }
  return command
}
