import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { type SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { type TObject, type TSchema } from '@sinclair/typebox';

/**
 * Documents a route's body with the TypeBox schema that validates it: OpenAPI 3.1 schemas are JSON Schema,
 * so the description cannot drift from what `parseRequest` accepts.
 */
export const DocumentedBody = (schema: TSchema) => ApiBody({ schema: plain(schema) });

/** One query parameter per property of the validating schema. */
export const DocumentedQuery = (schema: TObject) =>
  applyDecorators(
    ...Object.entries(schema.properties).map(([name, property]) =>
      ApiQuery({ name, required: schema.required?.includes(name) ?? false, schema: plain(property) }),
    ),
  );

// TypeBox marks schemas with symbol keys; the document gets the JSON Schema only.
const plain = (schema: TSchema) => JSON.parse(JSON.stringify(schema)) as SchemaObject;
