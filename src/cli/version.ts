// The package's version, bundled into dist/cli.js at build time: nothing is read from disk to print it.
import packageJson from '../../package.json' with { type: 'json' }

export const VERSION: string = packageJson.version
