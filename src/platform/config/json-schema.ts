import { z } from 'zod';
import { infraConfigSchema } from './schema.ts';

export function infraConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(infraConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'k8s-infra-bot infra.yaml', $id: 'https://github.com/kubernetes/k8s.io/k8s-infra-bot/infra.schema.json' };
}
