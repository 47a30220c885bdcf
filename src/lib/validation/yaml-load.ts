// YAML as the checks read it: js-yaml, as Astro's loaders use it, with one difference. js-yaml's
// default schema turns an unquoted date into a Date and silently rolls an impossible one over
// (2026-02-30 becomes 2026-03-02) or shifts it by its time zone; the checks need the text as
// written, so this schema keeps dates and timestamps as strings and the date rules judge them.
import yaml from 'js-yaml';

type JsYamlTypes = Record<'merge' | 'binary' | 'omap' | 'pairs' | 'set' | 'timestamp', yaml.Type>;
// js-yaml exports its built-in types as `types`; @types/js-yaml does not declare it.
const types = (yaml as unknown as { types: JsYamlTypes }).types;

/** `!!timestamp 2026-02-30`, written out, is kept as its text too. */
const timestampAsText = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (data: unknown) => types.timestamp.resolve(data),
  construct: (data: string) => data,
});

/** js-yaml's default schema with timestamps left as text: merge keys, !!binary, !!omap, !!pairs and !!set as Astro reads them. */
export const recordYamlSchema = yaml.CORE_SCHEMA.extend({
  implicit: [types.merge],
  explicit: [types.binary, types.omap, types.pairs, types.set, timestampAsText],
});

/** Parses one YAML document as the checks read it (dates as written); throws js-yaml's YAMLException. */
export function parseRecordYaml(text: string): unknown {
  return yaml.load(text, { schema: recordYamlSchema });
}
