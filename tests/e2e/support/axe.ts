import { appendFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import type { NodeResult, Result } from 'axe-core'

// The accessibility check every screen passes: axe's WCAG 2.1 level A and AA rules, nothing
// disabled. A rule may only be disabled here with the reason written beside it.
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** What a colour-contrast failure measured, when axe says (foreground, background, ratio). */
function contrastOf(node: NodeResult): string {
  const data = node.any.find((check) => check.id === 'color-contrast')?.data as
    | { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string }
    | undefined
  if (!data?.fgColor) return ''
  return ` [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio} < ${data.expectedContrastRatio}]`
}

/** The visible text of a failing element, short (what a person would look for on the screen). */
function textOf(node: NodeResult): string {
  const text = node.html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
  const html = node.html.length > 160 ? `${node.html.slice(0, 160)}…` : node.html
  return text ? `"${text.slice(0, 80)}" ${html}` : html
}

/** One violation as a few readable lines: rule, impact, how many, and the first few elements. */
export function describeViolation(violation: Result, shown = 4): string {
  const lines = [`${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ${violation.nodes.length} element(s)`]
  for (const node of violation.nodes.slice(0, shown)) {
    lines.push(`    ${node.target.join(' ')}${contrastOf(node)}\n      ${textOf(node)}`)
  }
  if (violation.nodes.length > shown) lines.push(`    … and ${violation.nodes.length - shown} more`)
  return lines.join('\n')
}

/**
 * Runs axe on the page as it is now and expects no WCAG 2.1 A/AA violation. The failure is soft, so
 * one test can walk through many screens and report every one that fails, by its label.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Only the violations are gathered: the passes of a large screen cost seconds to carry back.
  // (options() replaces the run options, so it comes before withTags, which adds to them.)
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(wcagTags).analyze()
  const found = results.violations.reduce((sum, v) => sum + v.nodes.length, 0)
  // AXE_REPORT=<file> keeps every violation found, one JSON line per screen, for fixing them in bulk.
  if (process.env.AXE_REPORT) appendFileSync(process.env.AXE_REPORT, `${JSON.stringify({ label, found, violations: results.violations })}\n`)
  const message = `${label}: ${found} accessibility violation(s) (axe, WCAG 2.1 A/AA)\n  ${results.violations.map((v) => describeViolation(v)).join('\n  ')}`
  expect.soft(results.violations.length === 0 ? 'none' : message, `${label} passes axe`).toBe('none')
}
