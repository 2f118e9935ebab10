import { ref } from 'vue'

/** Copies text, saying so for two seconds. Clipboard needs a secure context; on a plain-http LAN
 * address the fallback selects the text in a hidden box and uses the legacy copy command. */
export function useCopy() {
  const copied = ref(false)
  async function copy(text: string): Promise<void> {
    let ok = false
    try {
      await navigator.clipboard.writeText(text)
      ok = true
    } catch {
      const box = document.createElement('textarea')
      box.value = text
      box.setAttribute('readonly', '')
      box.style.position = 'fixed'
      box.style.opacity = '0'
      document.body.appendChild(box)
      box.select()
      try {
        ok = document.execCommand('copy')
      } catch {
        ok = false
      }
      box.remove()
    }
    copied.value = ok
    if (ok) setTimeout(() => (copied.value = false), 2000)
  }
  return { copied, copy }
}
