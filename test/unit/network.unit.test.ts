// Host, port and user: one check each, shared by the config, the action's inputs, the CLI and the transport.
import { describe, expect, it } from '@jest/globals'
import { checkHost, checkPort, checkUnixUser, parsePort } from '../../src/validate/network.js'

describe('network checks', () => {
  it('accepts hostnames and IP addresses, nothing a shell or an ssh option could read', () => {
    for (const host of ['login.hpc.example.edu', '127.0.0.1', '::1', '[fe80::1]', 'node-01']) {
      expect(checkHost(host)).toBeNull()
    }
    for (const host of ['', '-oProxyCommand=x', 'a b', 'host;id', 'host.', 'h$(id)']) {
      expect(checkHost(host)).toMatch(/is not a hostname or IP address/)
    }
  })

  it('takes ports from 1 to 65535, and parses flags and inputs as digits only', () => {
    expect(checkPort(22)).toBeNull()
    expect(checkPort(0)).toMatch(/1 to 65535/)
    expect(checkPort(65536)).toMatch(/1 to 65535/)
    expect(checkPort(22.5)).toMatch(/not a port number/)
    expect(parsePort('2222')).toEqual({ port: 2222 })
    for (const text of ['', '22x', '-1', '0x16', '99999', ' 22']) {
      expect(parsePort(text)).toEqual({
        problem: `port ${JSON.stringify(text)} is not a port number; use a whole number from 1 to 65535`
      })
    }
  })

  it('takes Unix user names as useradd does by default', () => {
    expect(checkUnixUser('caqrn')).toBeNull()
    expect(checkUnixUser('_svc-1')).toBeNull()
    for (const user of ['Root', '1abc', 'a b', 'a'.repeat(33), ''])
      expect(checkUnixUser(user)).toMatch(/not a Unix user name/)
  })
})
