// Command ids make commands idempotent: a retried command carries the same id and the server answers
// it with the original result. crypto.randomUUID only exists in secure contexts (https, localhost),
// and the secretary's laptop or the chair's tablet often reach the server on a plain-http LAN
// address, so fall back to a v4 UUID built from crypto.getRandomValues, which works everywhere.

interface CryptoLike {
  randomUUID?: () => string
  getRandomValues: (array: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>
}

export function uuidV4FromRandomValues(getRandomValues: CryptoLike['getRandomValues']): string {
  const bytes = getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40 // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80 // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export function newCommandId(cryptoImpl: CryptoLike = globalThis.crypto): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID()
  return uuidV4FromRandomValues(cryptoImpl.getRandomValues.bind(cryptoImpl))
}
