import { z } from 'zod';

/** One configuration key: where it comes from, what it means, how it is checked. */
export interface ConfigKey<T> {
  env: string;
  doc: string;
  schema: z.ZodType<T>;
  /** Raw default, parsed by the schema like a value from the environment. */
  default?: string;
}

export type ConfigSpec = Record<string, ConfigKey<unknown>>;
export type ConfigValues<S extends ConfigSpec> = {
  readonly [K in keyof S]: S[K] extends ConfigKey<infer T> ? T : never;
};

/** Declare a module's configuration beside the module. */
export function defineConfig<S extends ConfigSpec>(spec: S): S {
  return spec;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Recital cannot start: the configuration has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
  }
}

type Sections = Record<string, ConfigSpec>;
export type LoadedConfig<T extends Sections> = { readonly [K in keyof T]: ConfigValues<T[K]> };

/**
 * Validate every section against the environment at once, report all problems together,
 * and return a deeply frozen configuration.
 */
export function loadConfig<T extends Sections>(
  sections: T,
  env: Record<string, string | undefined>,
): LoadedConfig<T> {
  const problems: string[] = [];
  const result: Record<string, Record<string, unknown>> = {};
  for (const [sectionName, spec] of Object.entries(sections)) {
    const section: Record<string, unknown> = {};
    for (const [key, definition] of Object.entries(spec)) {
      const given = env[definition.env];
      const raw = given === undefined || given === '' ? definition.default : given;
      const parsed = definition.schema.safeParse(raw);
      if (parsed.success) {
        section[key] = parsed.data;
      } else {
        const shown = raw === undefined ? 'not set' : `"${redactCredentials(raw)}"`;
        const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
        problems.push(`${definition.env} (${definition.doc}) is ${shown}: ${reason}`);
      }
    }
    result[sectionName] = Object.freeze(section);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(result) as LoadedConfig<T>;
}

/** A URL's password never reaches a message or a log: `smtp://ada:***@mail.example.com`. */
export function redactCredentials(value: string): string {
  return value.replace(/(\/\/[^/:@\s]*:)[^@\s]*@/g, '$1***@');
}

/** Helpers for the common shapes of environment values. */
export const env = {
  port: () => z.coerce.number().int().min(0).max(65535),
  positiveInt: () => z.coerce.number().int().positive(),
  string: () => z.string().min(1),
  optionalString: () => z.string().min(1).optional(),
  boolean: () =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'Expected true or false.' })
      .transform((value) => ['true', '1', 'yes'].includes(value)),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { message: `Expected one of: ${values.join(', ')}.` }),
};
