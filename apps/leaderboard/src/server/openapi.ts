import { z } from 'zod';
import { errorSchema } from './schemas.js';
import { httpErrors, type HttpErrorCode } from './errors.js';

/**
 * The OpenAPI 3.1 document, assembled by hand from the route table below and the same zod
 * schemas the handlers parse with (z.toJSONSchema). A test checks every registered /api route
 * appears here.
 */

type ZodObjectAny = z.ZodObject<z.ZodRawShape>;

export interface ApiOperation {
  method: 'GET' | 'POST' | 'DELETE';
  /** Fastify-style path, e.g. /api/units/:id. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  admin?: boolean;
  query?: ZodObjectAny;
  params?: ZodObjectAny;
  requestBody?: { description: string; content: Record<string, { schema: Record<string, unknown> }> };
  /** Success responses. */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /** Error codes this operation can answer with (docs/errors-http.md). */
  errors?: HttpErrorCode[];
}

const jsonSchemaOptions = {
  target: 'draft-2020-12',
  io: 'output',
  unrepresentable: 'any',
  uri: (id: string) => `#/components/schemas/${id}`,
} as const;

function schemaRef(schema: z.ZodType): Record<string, unknown> {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, jsonSchemaOptions) as Record<string, unknown>;
  return rest;
}

function parameters(obj: ZodObjectAny | undefined, where: 'query' | 'path'): Record<string, unknown>[] {
  if (!obj) return [];
  const json = z.toJSONSchema(obj, { ...jsonSchemaOptions, io: 'input' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

export function buildOpenApi(operations: ApiOperation[], info: { title: string; version: string; description: string }) {
  const components = z.toJSONSchema(z.globalRegistry, jsonSchemaOptions) as { schemas: Record<string, Record<string, unknown>> };
  const schemas: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(components.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s;
    schemas[id] = rest;
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    for (const [code, r] of Object.entries(op.responses)) {
      responses[code] = {
        description: r.description,
        ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: schemaRef(r.schema) } } } : {}),
        ...(!r.schema && r.contentType ? { content: { [r.contentType]: { schema: { type: 'string', format: 'binary' } } } } : {}),
      };
    }
    const errorCodes = new Set<HttpErrorCode>([...(op.errors ?? []), ...(op.admin ? (['unauthorized', 'rate_limited'] as const) : [])]);
    const byStatus = new Map<number, HttpErrorCode[]>();
    for (const c of errorCodes) byStatus.set(httpErrors[c].status, [...(byStatus.get(httpErrors[c].status) ?? []), c]);
    for (const [status, codes] of byStatus) {
      responses[String(status)] = {
        description: codes.map((c) => `\`${c}\`: ${httpErrors[c].vi} — ${httpErrors[c].en}`).join('; '),
        content: { 'application/json': { schema: schemaRef(errorSchema) } },
      };
    }
    paths[path] ??= {};
    paths[path][op.method.toLowerCase()] = {
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      operationId: `${op.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
      ...(op.requestBody ? { requestBody: { required: true, ...op.requestBody } } : {}),
      responses,
      ...(op.admin ? { security: [{ adminToken: [] }] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas,
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN, or the token printed at first start' } },
    },
  };
}
