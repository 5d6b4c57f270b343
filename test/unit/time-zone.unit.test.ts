// checkTimeZone: a zone Intl lists is accepted without a DateTimeFormat (whose first use loads ICU's zone data);
// any other name is decided by DateTimeFormat, as before the list was consulted.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { checkTimeZone } from '../../src/validate/time-zone.js'

afterEach(() => {
  jest.restoreAllMocks()
})

describe('checkTimeZone', () => {
  it('accepts every listed zone without constructing a DateTimeFormat', () => {
    const listed = Intl.supportedValuesOf('timeZone')
    expect(listed).toContain('Europe/Berlin')
    const format = jest.spyOn(Intl, 'DateTimeFormat')
    expect(listed.filter(zone => checkTimeZone(zone) !== null)).toEqual([])
    expect(format).not.toHaveBeenCalled()
  })

  it('accepts UTC without a DateTimeFormat, listed or not (every Intl knows it)', () => {
    const format = jest.spyOn(Intl, 'DateTimeFormat')
    expect(checkTimeZone('UTC')).toBeNull()
    expect(format).not.toHaveBeenCalled()
  })

  it.each(['US/Eastern', 'Etc/UTC', 'europe/berlin', 'GMT'])(
    'asks DateTimeFormat about %s, which the list does not hold, and accepts it',
    zone => {
      expect(Intl.supportedValuesOf('timeZone')).not.toContain(zone)
      const format = jest.spyOn(Intl, 'DateTimeFormat')
      expect(checkTimeZone(zone)).toBeNull()
      expect(format).toHaveBeenCalledWith('en', { timeZone: zone })
    }
  )

  it('rejects a well-formed name that no zone has', () => {
    expect(checkTimeZone('Mars/Olympus_Mons')).toMatch(
      /^time zone "Mars\/Olympus_Mons" is unknown; use an IANA/
    )
  })

  it('rejects what is not an IANA name before asking Intl', () => {
    const format = jest.spyOn(Intl, 'DateTimeFormat')
    expect(checkTimeZone('+01:00')).toMatch(/is not an IANA name/)
    expect(format).not.toHaveBeenCalled()
  })

  it('lists only zones that DateTimeFormat accepts too (the shortcut changes no answer)', () => {
    const refused = Intl.supportedValuesOf('timeZone').filter(zone => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return false
      } catch {
        return true
      }
    })
    expect(refused).toEqual([])
  })
})
