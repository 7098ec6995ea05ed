// Valibot schemas and parsing for the group-memory routes: bodies, path parameters and queries.
import * as v from "valibot";
import { cleanLine, cleanText } from "../../protocol/index.ts";
import { fail, type MemoryContext } from "./session.ts";

/** Ids are the server's own UUIDs (or test ids): a bounded, URL-safe shape is all a route accepts. */
export const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, "Not an id."));

const line = (max: number) => v.pipe(v.string(), v.transform(cleanLine), v.maxLength(max));
const block = (max: number) => v.pipe(v.string(), v.transform(cleanText), v.maxLength(max));
const optionalBlock = (max: number) =>
  v.pipe(
    v.optional(v.nullable(block(max)), null),
    v.transform((s) => (s ? s : null)),
  );

export const LIMITS_MEMORY = { name: 80, mission: 1000, charter: 4000, maxRetentionMonths: 120 } as const;

const retention = v.nullable(
  v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS_MEMORY.maxRetentionMonths)),
);

export const GroupSettingsSchema = v.strictObject({
  name: v.pipe(line(LIMITS_MEMORY.name), v.minLength(1, "A group needs a name.")),
  mission: optionalBlock(LIMITS_MEMORY.mission),
  charter: optionalBlock(LIMITS_MEMORY.charter),
  retentionMonths: v.optional(retention, null),
});

export const GroupPatchSchema = v.strictObject({
  name: v.optional(v.pipe(line(LIMITS_MEMORY.name), v.minLength(1, "A group needs a name."))),
  mission: v.optional(
    v.pipe(
      v.nullable(block(LIMITS_MEMORY.mission)),
      v.transform((s) => (s ? s : null)),
    ),
  ),
  charter: v.optional(
    v.pipe(
      v.nullable(block(LIMITS_MEMORY.charter)),
      v.transform((s) => (s ? s : null)),
    ),
  ),
  retentionMonths: v.optional(retention),
});

export const AttachSchema = v.strictObject({ groupId: v.nullable(IdSchema) });

export const HistoryQuerySchema = v.object({
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(50)), "20"),
  /** "<startedAt>.<id>" of the last item of the previous page. */
  cursor: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,16}\.[A-Za-z0-9_-]{1,64}$/),
      v.transform((s) => {
        const dot = s.indexOf(".");
        return { startedAt: Number(s.slice(0, dot)), id: s.slice(dot + 1) };
      }),
    ),
  ),
});

export const LangQuerySchema = v.object({ lang: v.optional(v.picklist(["fr", "en"]), "fr") });

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** The request's JSON body checked against a schema, or the 400 to answer. */
export async function parseBody<S extends v.GenericSchema>(
  c: MemoryContext,
  schema: S,
): Promise<Parsed<v.InferOutput<S>>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (body === undefined) return { ok: false, response: fail(c, 400, "invalid", "Send a JSON body.") };
  return check(c, schema, body);
}

export function check<S extends v.GenericSchema>(
  c: MemoryContext,
  schema: S,
  input: unknown,
): Parsed<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return { ok: true, value: parsed.output };
  const issue = parsed.issues[0];
  const where = issue ? v.getDotPath(issue) : null;
  const message = issue ? `${where ? `${where}: ` : ""}${issue.message}` : "Invalid request.";
  return { ok: false, response: fail(c, 400, "invalid", message) };
}
