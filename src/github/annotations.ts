// Problems as GitHub annotations: with file and line when the file is in the consuming repository, so the
// error shows on the PR's "Files changed" tab at the config key or template line that caused it.
import { existsSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import type { Problem } from '../errors/user-error.js'

export interface AnnotationPaths {
  /** Directory the problems' file names are relative to (the action's working-directory). */
  repoDir: string
  /** GITHUB_WORKSPACE: annotation paths are relative to the repository root. */
  workspace: string
}

export type AnnotationLevel = 'error' | 'warning'

/** What core.error / core.warning receive; returned for tests and for the log. */
export interface Annotation {
  message: string
  properties: core.AnnotationProperties
}

export function toAnnotation(problem: Problem, paths: AnnotationPaths): Annotation {
  const properties: core.AnnotationProperties = { title: 'slurm-gitops' }
  const location = problem.location
  let message = `${problem.where}: ${problem.message}`
  if (location) {
    const absolute = path.resolve(paths.repoDir, location.file)
    if (existsSync(absolute) && !path.relative(paths.workspace, absolute).startsWith('..')) {
      properties.file = path.relative(paths.workspace, absolute).split(path.sep).join('/')
      if (location.line) properties.startLine = location.line
      if (location.column) properties.startColumn = location.column
    } else {
      // A shipped default template, not a file of the repository: name it in the text instead.
      message = `${location.file}${location.line ? `:${location.line}` : ''}: ${message}`
    }
  }
  return { message, properties }
}

export function annotateProblems(problems: Problem[], level: AnnotationLevel, paths: AnnotationPaths): void {
  for (const problem of problems) {
    const { message, properties } = toAnnotation(problem, paths)
    if (level === 'error') core.error(message, properties)
    else core.warning(message, properties)
  }
}
