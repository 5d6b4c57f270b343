// How the rest of the code reads the consuming repository: one file at a time, by path relative to its root,
// from the working tree or from a commit (src/repo/working-tree.ts, src/repo/commit.ts).

/** The file's text, or undefined when the repository has no such file. */
export type RepoReader = (relativePath: string) => Promise<string | undefined>
