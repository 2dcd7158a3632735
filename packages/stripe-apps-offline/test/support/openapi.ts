/** Validators for Stripe's response schemas, from the OpenAPI subset in ../shared/reference. */
import Ajv, {type ValidateFunction} from 'ajv';
import {readSharedReference} from '../../src/testing/sharedReference';

export interface ResponseValidators {
  secret: ValidateFunction;
  list: ValidateFunction;
  error: ValidateFunction;
}

export function loadResponseValidators(): ResponseValidators | null {
  const spec = readSharedReference('secret-store.openapi.json') as {
    components: object;
    paths: Record<string, Record<string, {responses: Record<string, {content: Record<string, {schema: object}>}>}>>;
  } | null;
  if (!spec) return null;
  // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; formats like unix-time and x- keys are not checked.
  const ajv = new Ajv({strict: false, validateFormats: false, allErrors: true});
  ajv.addSchema({$id: 'stripe', components: spec.components});
  const listSchema = spec.paths['/v1/apps/secrets'].get.responses['200'].content['application/json'].schema;
  const rewrite = (schema: object) => JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, '"stripe#/components')) as object;
  return {
    secret: ajv.compile({$ref: 'stripe#/components/schemas/apps.secret'}),
    list: ajv.compile(rewrite(listSchema)),
    error: ajv.compile({$ref: 'stripe#/components/schemas/error'}),
  };
}
