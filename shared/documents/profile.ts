import type { OfficeHeader, OfficeProfile } from './model'

// Defaults for what an office's documents say every time, read from its header until an
// administrator sets them (Cài đặt). They follow the two kinds of office the seeds come from: a
// commune's People's Committee, signing "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", and an office such as the
// Văn phòng UBND tỉnh, whose head signs "CHÁNH VĂN PHÒNG" or a deputy "KT. CHÁNH VĂN PHÒNG".

// Words after which the rest of a name is a place, written with capitals ("xã Sốp Cộp").
const PLACE_UNITS = ['tỉnh', 'thành phố', 'xã', 'phường', 'đặc khu', 'thị trấn']

// Acronyms that stay in capitals inside a sentence.
const ACRONYMS = new Set(['UBND', 'HĐND', 'MTTQ', 'VP'])
const capitalise = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)

/** "ỦY BAN NHÂN DÂN XÃ SỐP CỘP" → "Ủy ban nhân dân xã Sốp Cộp"; "UBND TỈNH SƠN LA" → "UBND tỉnh Sơn La". */
export function nameAsInSentence(capitalised: string): string {
  const words = capitalised.trim().split(/\s+/).filter(Boolean)
  const out: string[] = []
  let place = false
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const lower = word.toLocaleLowerCase('vi')
    if (ACRONYMS.has(word)) out.push(word)
    else if (place || i === 0) out.push(capitalise(lower))
    else out.push(lower)
    if (place) continue
    // The place starts after its unit: "xã", "tỉnh", or a two-word one like "thành phố".
    const next = words[i + 1]?.toLocaleLowerCase('vi')
    if (next && PLACE_UNITS.includes(`${lower} ${next}`)) {
      out.push(next)
      i++
      place = true
    } else if (PLACE_UNITS.includes(lower)) place = true
  }
  return out.join(' ')
}

/** The kind of administrative unit a name contains: "xã", "phường", "tỉnh" … ('' when none). */
function unitOf(capitalised: string): string {
  const lower = capitalised.toLocaleLowerCase('vi')
  return PLACE_UNITS.find((u) => new RegExp(`(^|\\s)${u}(\\s|$)`, 'u').test(lower)) ?? ''
}

export function defaultDocumentSettings(header: OfficeHeader): Omit<OfficeProfile, keyof OfficeHeader> {
  const issuing = header.issuingBody.trim()
  const parent = header.parentBody.trim()
  const isCommittee = /^ỦY BAN NHÂN DÂN/iu.test(issuing)
  const isOffice = /^VĂN PHÒNG/iu.test(issuing)
  const nameInText = [nameAsInSentence(issuing), parent && !isCommittee ? nameAsInSentence(parent) : ''].filter(Boolean).join(' ')
  // "UBND tỉnh", without the place: how the seed notice names the head ("Chánh Văn phòng UBND tỉnh").
  const shortParent = parent ? `${nameAsInSentence(parent).replace(/^Ủy ban nhân dân/u, 'UBND').split(' ').slice(0, 1).join(' ')} ${unitOf(parent)}`.trim() : ''
  return {
    nameInText,
    headInText: isCommittee ? `Chủ tịch UBND ${unitOf(issuing)}`.trim() : isOffice ? `Chánh Văn phòng ${shortParent}`.trim() : 'Thủ trưởng cơ quan',
    headTitle: isCommittee ? 'CHỦ TỊCH' : isOffice ? 'CHÁNH VĂN PHÒNG' : 'THỦ TRƯỞNG',
    deputyTitle: isCommittee ? 'PHÓ CHỦ TỊCH' : isOffice ? 'PHÓ CHÁNH VĂN PHÒNG' : 'PHÓ THỦ TRƯỞNG',
    collectiveBody: isCommittee ? 'ỦY BAN NHÂN DÂN' : '',
    draftingUnit: header.officeCode,
    standingBases: [],
    standingAssignments: [],
    standingRecipients: [],
    noticeClosing: 'Yêu cầu các phòng, đơn vị nghiêm túc thực hiện./.',
  }
}
