// The shipped templates (deploy-templates/*.hbs), precompiled by the build: scripts/build-options.mjs puts the
// table that precompiled-templates-module.ts makes in place of this module. In the TypeScript sources (tests,
// type checks) the table is empty, and every template is compiled when it is used.
import type { TemplateName } from '../config/schema.js'
import type { TemplateSpec } from './shell-runtime.js'

export interface PrecompiledTemplate {
  /** The shipped text it was made from: a loaded template whose text differs is compiled instead. */
  text: string
  spec: TemplateSpec
}

export type PrecompiledTemplates = Partial<Record<TemplateName, PrecompiledTemplate>>

export const precompiledTemplates: PrecompiledTemplates = {}
