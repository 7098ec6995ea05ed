// Prepares a fresh checkout for local start: a .dev.vars with a random session secret, kept across runs.
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";

const path = new URL("../.dev.vars", import.meta.url);
if (!existsSync(path)) {
  const secret = randomBytes(32).toString("hex");
  writeFileSync(
    path,
    `# Local secrets for wrangler dev (never committed).\nSESSION_SECRET=${secret}\nZOOM_CLIENT_ID=\nZOOM_CLIENT_SECRET=\n`,
  );
  console.log("created .dev.vars with a random SESSION_SECRET");
}
