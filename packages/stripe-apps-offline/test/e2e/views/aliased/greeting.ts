/** Reached by the alias probe only through the project's tsconfig `paths` alias. */
export const GREETING = 'Imported through a tsconfig path alias';
