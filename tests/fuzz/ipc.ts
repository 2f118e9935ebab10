// The messages between the harness (parent) and the process that runs the app (server-child.ts).
// Plain JSON over Node's IPC channel: nothing here may hold a function or a class instance.

/** The subset of JSON Schema that zod's toJSONSchema emits for our schemas and that the generator reads. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  pattern?: string
  format?: string
  default?: unknown
}

/** One route of the app, as its onRoute hook saw it, with its zod schemas turned into JSON Schema. */
export interface RouteInfo {
  method: string
  url: string
  /** The access action it declares (auth plugin), when it is an /api route. */
  action: string | null
  body: JsonSchema | null
  params: JsonSchema | null
  querystring: JsonSchema | null
}

export type AccountName = 'admin' | 'secretary' | 'chair' | 'oversight' | 'unitLead' | 'victim'

export interface FixtureAccount {
  userId: string
  username: string
  roles: string[]
  cookie: string
  csrfToken: string
}

export interface FixtureDevice {
  id: string
  token: string
  role: 'chair' | 'projector'
  meetingId: string
}

/**
 * What the child set up on start: people, a directory, meetings and paired devices. `victim` is the
 * account and device the fuzzer may sign out, lock, reset or revoke; every other credential is kept
 * out of the destructive routes' reach so the run keeps its footing.
 */
export interface Fixture {
  accounts: Record<AccountName, FixtureAccount>
  units: string[]
  officials: string[]
  meetings: { main: string; spare: string }
  devices: { chair: FixtureDevice; projector: FixtureDevice; victim: FixtureDevice }
}

/**
 * A cheap picture of the whole database: every table's row count, and for the small tables a
 * checksum of their rows. Compared before and after a refused request to find partial writes.
 */
export interface Fingerprint {
  counts: Record<string, number>
  checksums: Record<string, string>
}

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }

export type ToChild =
  | { type: 'start'; database: DatabaseTarget; rateLimit: boolean; clientDir: string }
  | { type: 'fingerprint'; id: number }
  | { type: 'refresh-sessions'; id: number }
  | { type: 'stop' }

export type FromChild =
  | { type: 'ready'; port: number; routes: RouteInfo[]; fixture: Fixture; database: string }
  | { type: 'fingerprint'; id: number; fingerprint: Fingerprint }
  | { type: 'refresh-sessions'; id: number; fixture: Fixture }
  | { type: 'error'; id: number; message: string }
  | { type: 'failed'; message: string }
  | { type: 'stopped' }
