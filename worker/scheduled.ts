// The scheduled Worker (cron trigger in wrangler.toml): enforces each group's retention setting once a day.
import { purgeExpired } from "./db/retention.ts";
import type { Env } from "./env.ts";

export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const report = await purgeExpired(env.DB, controller.scheduledTime);
  console.log(
    `retention: ${report.consultations} consultation(s) and ${report.meetings} meeting(s) purged in ${report.groups} group(s)`,
  );
}
