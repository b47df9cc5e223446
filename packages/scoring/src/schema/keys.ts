import type { z } from 'zod';

/**
 * The keys a schema allows for the object at `path` of `input`, read from the schema itself (so
 * that "did you mean …" never drifts from it). Unions are resolved by the object's own
 * discriminator value.
 */
export function allowedKeys(root: z.core.$ZodType, input: unknown, path: readonly (string | number)[]): string[] {
  let schema: z.core.$ZodType | undefined = root;
  let value = input;
  for (const step of [...path, null]) {
    schema = unwrap(schema, value);
    if (!schema) return [];
    if (step === null) break;
    const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType };
    if (def.type === 'object' && typeof step === 'string') schema = def.shape?.[step];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else return [];
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[step] : undefined;
  }
  const def = schema?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Through optional, pipe and lazy wrappers, and into the union member the value's discriminator picks. */
function unwrap(schema: z.core.$ZodType | undefined, value: unknown): z.core.$ZodType | undefined {
  let s = schema;
  for (let i = 0; i < 20 && s; i++) {
    const def = s._zod.def as {
      type: string;
      innerType?: z.core.$ZodType;
      in?: z.core.$ZodType;
      getter?: () => z.core.$ZodType;
      options?: z.core.$ZodType[];
      discriminator?: string;
    };
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'lazy') s = def.getter?.();
    else if (def.type === 'union' && def.discriminator) {
      const tag = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[def.discriminator] : undefined;
      s = def.options?.find((o) => {
        const shape = (o._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape;
        const literal = shape?.[def.discriminator as string]?._zod.def as { values?: unknown[] } | undefined;
        return literal?.values?.includes(tag);
      });
    } else return s;
  }
  return s;
}
