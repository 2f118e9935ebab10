import { describe, expect, it } from 'vitest'
import { offlineText } from '../i18n/offline'
import { hasUnsavedWork } from './leaveGuard'

describe('the warning before leaving a page', () => {
  it('asks only when something typed is unsaved or a command is unanswered', () => {
    expect(hasUnsavedWork({ pending: 0, drafts: 0 })).toBe(false)
    expect(hasUnsavedWork({ pending: 1, drafts: 0 })).toBe(true)
    expect(hasUnsavedWork({ pending: 0, drafts: 2 })).toBe(true)
  })

  it('says what would be left behind, and that this computer keeps it', () => {
    expect(offlineText.leaveConfirm(2, 0)).toBe(
      'Trang này còn 2 thao tác chưa gửi được tới máy chủ. Máy này vẫn giữ lại và sẽ gửi khi mở lại hội nghị, nhưng người khác chưa thấy. Vẫn rời trang?',
    )
    expect(offlineText.leaveConfirm(1, 1)).toContain('1 thao tác chưa gửi được tới máy chủ và nội dung đang soạn chưa lưu')
    expect(offlineText.leaveConfirm(0, 3)).toContain('Trang này còn nội dung đang soạn chưa lưu.')
  })
})
