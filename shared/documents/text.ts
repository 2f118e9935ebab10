/**
 * Lower-cases the first letter so a title reads inside a sentence ("Đường vào bản" → "đường vào
 * bản"), but leaves acronyms and proper names that start a title alone ("UBND xã", "Sở Y tế" keeps
 * "Sở" only when the second letter is upper-case too, so we only touch a capitalised ordinary word).
 */
export function inSentence(s: string): string {
  const [first, second] = [...s]
  if (!first || (second && second === second.toUpperCase() && second !== second.toLowerCase())) return s
  return first.toLowerCase() + s.slice(first.length)
}
