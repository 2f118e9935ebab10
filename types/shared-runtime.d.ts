// The globals shared/ may use: the ones every runtime it runs in (Node 20, the browsers of the hall)
// provides alike. tsconfig.shared.json gives shared/ no Node and no DOM types, so reaching for
// `process`, `fs`, `window` or `document` there fails to compile; what is declared here is the
// short list of standard globals that are safe on both sides. Add to it only what both have.

declare class URL {
  constructor(url: string, base?: string | URL)
  readonly origin: string
  protocol: string
  username: string
  password: string
  host: string
  hostname: string
  port: string
  pathname: string
  search: string
  hash: string
  href: string
  toString(): string
}
