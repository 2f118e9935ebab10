import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { draftKey, formDraftMatches, isText, parseDraft, sameText, unsavedDrafts, useDraft } from './draft'
import { memoryStorage } from '../realtime/memoryStorage'

const meetingId = '7d3c2f0e-8b5a-4c1d-9e2f-3a4b5c6d7e8f'

/** A text box whose saved text is `saved`, as SpeakerSummaryField keeps it. */
function textBox(storage: Storage, saved = ref(''), paused = ref(false), owner: string | null = null) {
  const scope = effectScope()
  const text = ref(saved.value)
  const draft = scope.run(() =>
    useDraft({
      meetingId: () => meetingId,
      field: () => 'summary:1',
      value: () => text.value,
      dirty: () => !sameText(text.value, saved.value),
      accept: isText,
      apply: (stored) => (text.value = stored),
      paused: () => paused.value,
      owner: () => owner,
      storage,
    }),
  )!
  return { text, saved, paused, restored: draft.restored, stop: () => scope.stop() }
}

describe('drafts', () => {
  it('are kept per meeting and field', () => {
    expect(draftKey(meetingId, 'summary:3')).toBe(`hnd:draft:${meetingId}:summary:3`)
  })

  it('read back only what parses', () => {
    expect(parseDraft(null)).toBeUndefined()
    expect(parseDraft('{oops')).toBeUndefined()
    expect(parseDraft('"Bà con đề nghị"')).toBe('Bà con đề nghị')
  })

  it('compare as the server stores: trimmed and NFC', () => {
    expect(sameText(' Hoà ', 'Hoa\u0300')).toBe(true)
    expect(sameText('Hoà', 'Hòa')).toBe(false)
    expect(sameText('Hoà', 'Hoà bình')).toBe(false)
  })

  it("accept a stored form only in the blank form's shape", () => {
    const blank = { values: { name: '', petitionNos: [] as number[], showName: false }, addPetition: false }
    expect(formDraftMatches({ values: { name: 'Lò Văn Sáng', petitionNos: [1, 3], showName: true }, addPetition: true }, blank)).toBe(true)
    expect(formDraftMatches({ values: { name: 'Lò Văn Sáng', petitionNos: [1], showName: 'yes' }, addPetition: true }, blank)).toBe(false)
    expect(formDraftMatches({ values: { name: 'x', petitionNos: [{}], showName: false }, addPetition: false }, blank)).toBe(false)
    expect(formDraftMatches({ values: { name: 'x', petitionNos: [], showName: false, extra: 1 }, addPetition: false }, blank)).toBe(false)
    expect(formDraftMatches(null, blank)).toBe(false)
  })

  it('keep unsaved text across a reload, and forget it once it is saved', async () => {
    const storage = memoryStorage()
    const first = textBox(storage)
    first.text.value = 'Đề nghị làm đường vào bản'
    await nextTick()
    expect(unsavedDrafts.size).toBe(1)
    first.stop() // the page is reloaded
    expect(unsavedDrafts.size).toBe(0)

    const second = textBox(storage)
    await nextTick()
    expect(second.text.value).toBe('Đề nghị làm đường vào bản')
    expect(second.restored.value).toBe(true)
    expect(unsavedDrafts.size).toBe(1)
    // The summarize command is acknowledged: the saved text now matches what is typed.
    second.saved.value = 'Đề nghị làm đường vào bản'
    await nextTick()
    expect(storage.length).toBe(0)
    expect(second.restored.value).toBe(false)
    expect(unsavedDrafts.size).toBe(0)
    second.stop()
  })

  it('keep nothing while paused (the command is on its way, held in the outbox), and keep it again if it is refused', async () => {
    const storage = memoryStorage()
    const box = textBox(storage)
    box.text.value = 'Nguyễn Văn A'
    await nextTick()
    expect(storage.length).toBe(1)
    box.paused.value = true
    await nextTick()
    expect(storage.length).toBe(0)
    box.paused.value = false
    await nextTick()
    expect(storage.getItem(draftKey(meetingId, 'summary:1'))).toBe('"Nguyễn Văn A"')
    box.stop()
  })

  it('leave the saved text alone when the stored draft is not text', async () => {
    const storage = memoryStorage()
    storage.setItem(draftKey(meetingId, 'summary:1'), '{"a":1}')
    const box = textBox(storage, ref('Đã lưu'))
    await nextTick()
    expect(box.text.value).toBe('Đã lưu')
    expect(box.restored.value).toBe(false)
    box.stop()
  })

  it("are each person's own: what one secretary typed is not restored for the next one on this computer", async () => {
    const storage = memoryStorage()
    const first = textBox(storage, ref(''), ref(false), 'user-thu')
    first.text.value = 'Lò Thị Mai, bản Nà Ngần, tố cáo việc chấm công'
    await nextTick()
    first.stop()
    const next = textBox(storage, ref(''), ref(false), 'user-khac')
    await nextTick()
    expect(next.text.value).toBe('')
    expect(next.restored.value).toBe(false)
    next.stop()
    const again = textBox(storage, ref(''), ref(false), 'user-thu')
    await nextTick()
    expect(again.text.value).toBe('Lò Thị Mai, bản Nà Ngần, tố cáo việc chấm công')
    again.stop()
  })
})
