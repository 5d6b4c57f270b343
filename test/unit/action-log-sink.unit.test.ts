// The exact stdout of ActionLogSink: log groups (and warnings) are written while workflow commands are on, remote
// lines only while they are stopped (`::stop-commands::<token>` … `::<token>::`), and close() switches them back on.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { EOL } from 'node:os'
import { ActionLogSink } from '../../src/action/action-log-sink.js'

let written: string[]

beforeEach(() => {
  written = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
})

/** Everything written, as lines (the sink and @actions/core end every write with the platform's EOL). */
const output = () => {
  const text = written.join('')
  expect(text === '' || text.endsWith(EOL)).toBe(true)
  return text === '' ? [] : text.slice(0, -EOL.length).split(EOL)
}

/** The sink's stop token, from its first `::stop-commands::` line. */
const tokenOf = (lines: string[]) => {
  const stop = lines.find(l => l.startsWith('::stop-commands::'))
  if (!stop) throw new Error(`no ::stop-commands:: in ${JSON.stringify(lines)}`)
  return stop.slice('::stop-commands::'.length)
}

/** The runner's reading of the lines: which commands it obeys (commands off between stop and resume). */
function obeyed(lines: string[]): string[] {
  const commands: string[] = []
  let stopToken: string | undefined
  for (const line of lines) {
    const trimmed = line.trim()
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined
      continue
    }
    if (!trimmed.startsWith('::')) continue
    commands.push(trimmed)
    if (trimmed.startsWith('::stop-commands::')) stopToken = trimmed.slice('::stop-commands::'.length)
  }
  return commands
}

describe('ActionLogSink', () => {
  it('opens and closes groups with commands on and writes remote lines while they are stopped', () => {
    const sink = new ActionLogSink()
    sink.startGroup('preflight')
    sink.info('checking the cluster')
    sink.endGroup()
    sink.startGroup('verify')
    sink.info('::error::forged')
    sink.info('::add-mask::x')
    sink.endGroup()
    sink.close()

    const lines = output()
    const token = tokenOf(lines)
    expect(token).toMatch(/^[0-9a-f]{32}$/)
    expect(lines).toEqual([
      '::group::preflight',
      `::stop-commands::${token}`,
      'checking the cluster',
      `::${token}::`,
      '::endgroup::',
      '::group::verify',
      `::stop-commands::${token}`,
      '::error::forged',
      '::add-mask::x',
      `::${token}::`,
      '::endgroup::'
    ])
    expect(obeyed(lines).filter(c => !c.startsWith('::stop-commands::'))).toEqual([
      '::group::preflight',
      '::endgroup::',
      '::group::verify',
      '::endgroup::'
    ])
  })

  it('stops commands before a remote line that comes before any group', () => {
    const sink = new ActionLogSink()
    sink.info('::set-output name=sha::forged')
    sink.info('plain')
    sink.close()
    const lines = output()
    const token = tokenOf(lines)
    expect(lines).toEqual([
      `::stop-commands::${token}`,
      '::set-output name=sha::forged',
      'plain',
      `::${token}::`
    ])
    expect(obeyed(lines)).toEqual([`::stop-commands::${token}`])
  })

  it('issues a warning with commands on, in the middle of remote output, and escapes its data', () => {
    const sink = new ActionLogSink()
    sink.startGroup('venv')
    sink.info('building')
    sink.warning('the remote script timed out after 60 s\n100% done')
    sink.info('::warning::forged')
    sink.close()
    const lines = output()
    const token = tokenOf(lines)
    expect(lines).toEqual([
      '::group::venv',
      `::stop-commands::${token}`,
      'building',
      `::${token}::`,
      '::warning::the remote script timed out after 60 s%0A100%25 done',
      `::stop-commands::${token}`,
      '::warning::forged',
      `::${token}::`
    ])
    expect(obeyed(lines).filter(c => c.startsWith('::warning'))).toEqual([
      '::warning::the remote script timed out after 60 s%0A100%25 done'
    ])
  })

  it('close() re-enables commands once; after it, core commands are obeyed again', () => {
    const sink = new ActionLogSink()
    sink.startGroup('record')
    sink.info('done')
    sink.endGroup()
    sink.close()
    sink.close()
    const lines = output()
    const token = tokenOf(lines)
    // Stopped for the remote line, resumed for the end of the group; closing twice writes nothing more.
    expect(lines).toEqual([
      '::group::record',
      `::stop-commands::${token}`,
      'done',
      `::${token}::`,
      '::endgroup::'
    ])
    // What the action writes next (e.g. core.setFailed) is a command again.
    expect(obeyed([...lines, '::error::deploy failed'])).toContain('::error::deploy failed')
  })

  it('writes nothing when closed without output', () => {
    new ActionLogSink().close()
    expect(output()).toEqual([])
  })

  it('uses a fresh random token per sink', () => {
    const a = new ActionLogSink()
    a.info('a')
    a.close()
    const first = tokenOf(output())
    written = []
    const b = new ActionLogSink()
    b.info('b')
    b.close()
    expect(tokenOf(output())).not.toBe(first)
  })
})
