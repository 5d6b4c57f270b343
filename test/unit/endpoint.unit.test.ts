// The cluster endpoint read from the YAML before validation (a run connects with it while the schema checks the
// rest): for a config the schema takes, it is exactly what the validated config says; for a value the schema
// refuses, there is none, and the run connects only after validation (which reports the problem).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { clusterEndpoint, namesDeployments } from '../../src/config/endpoint.js'
import { parseConfig } from '../../src/config/load.js'
import { parseConfigYaml } from '../../src/config/parse-yaml.js'

const exampleText = readFileSync('examples/caqrn/.github/slurm-gitops.yml', 'utf8')
const FILE = '.github/slurm-gitops.yml'

/** The example config with these values set (undefined deletes), as YAML text. */
function withValues(values: [(string | number)[], unknown][]): string {
  const document = parseDocument(exampleText)
  for (const [path, value] of values) {
    if (value === undefined) document.deleteIn(path)
    else document.setIn(path, value)
  }
  return document.toString()
}

const early = (text: string) => clusterEndpoint(parseConfigYaml(text, FILE).data)

describe('the cluster endpoint, read before validation', () => {
  it.each([
    ['the example (port and timeout by default)', []],
    [
      'a port and a timeout given',
      [
        [['cluster', 'port'], 2222],
        [['cluster', 'connectTimeoutSeconds'], 45]
      ]
    ],
    ['a jump host with its default port', [[['cluster', 'jump'], { host: 'gw.example.edu', user: 'caqrn' }]]],
    ['a jump host with a port', [[['cluster', 'jump'], { host: '10.0.0.1', port: 2200, user: 'relay_1' }]]]
  ] as [string, [(string | number)[], unknown][]][])('is what the validated config says: %s', (_, values) => {
    const text = withValues(values)
    const { host, port, user, jump, connectTimeoutSeconds } = parseConfig(text, FILE).cluster
    expect(early(text)).toEqual({ host, port, user, jump, connectTimeoutSeconds })
  })

  it.each([
    ['a host a shell could read', ['cluster', 'host'], 'login;rm -rf ~'],
    ['a port as text', ['cluster', 'port'], '22'],
    ['port 0', ['cluster', 'port'], 0],
    ['an upper-case user', ['cluster', 'user'], 'Caqrn'],
    ['no host', ['cluster', 'host'], undefined],
    ['a jump host without a user', ['cluster', 'jump'], { host: 'gw.example.edu' }],
    ['a jump host that is a list', ['cluster', 'jump'], ['gw.example.edu']],
    ['a timeout of 0', ['cluster', 'connectTimeoutSeconds'], 0],
    ['a timeout as text', ['cluster', 'connectTimeoutSeconds'], '20'],
    ['a timeout over 300', ['cluster', 'connectTimeoutSeconds'], 301],
    ['an empty timeout', ['cluster', 'connectTimeoutSeconds'], null],
    ['an empty port', ['cluster', 'port'], null],
    ['a cluster that is text', ['cluster'], 'login.hpc.example.edu'],
    ['no cluster', ['cluster'], undefined]
  ] as [string, (string | number)[], unknown][])(
    'is not there for %s (the schema refuses it too)',
    (_, path, value) => {
      const text = withValues([[path, value]])
      expect(early(text)).toBeUndefined()
      expect(() => parseConfig(text, FILE)).toThrow()
    }
  )
})

describe('the deployments the YAML names', () => {
  const data = parseConfigYaml(exampleText, FILE).data

  it('are found by branch, and every one asked for must be there', () => {
    expect(namesDeployments(data, ['main'])).toBe(true)
    expect(namesDeployments(data, ['main', 'develop'])).toBe(true)
    expect(namesDeployments(data, ['main', 'feature/x'])).toBe(false)
    expect(namesDeployments(data, ['toString'])).toBe(false)
  })

  it('with no branch asked for, any config will do', () => {
    expect(namesDeployments(data, [])).toBe(true)
    expect(namesDeployments({}, [])).toBe(true)
  })

  it('are none without a deployments mapping', () => {
    expect(namesDeployments({}, ['main'])).toBe(false)
    expect(namesDeployments({ deployments: ['main'] }, ['main'])).toBe(false)
  })
})
