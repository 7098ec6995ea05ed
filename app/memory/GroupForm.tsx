// The group's settings as a form: name, mission, charter and how long its history is kept (create and edit).
import { useState } from "preact/hooks";
import { tm } from "./i18n/tm.ts";
import type { GroupView } from "./schemas.ts";

export interface GroupSettings {
  name: string;
  mission: string | null;
  charter: string | null;
  retentionMonths: number | null;
}

const RETENTION_CHOICES = [6, 12, 24, 36] as const;

interface Props {
  /** The group being edited, or null to create one. */
  initial: GroupView | null;
  submitLabel: string;
  busy: boolean;
  onSubmit: (settings: GroupSettings) => void;
}

export function GroupForm({ initial, submitLabel, busy, onSubmit }: Props) {
  const [name, setName] = useState(initial?.name ?? "");
  const [mission, setMission] = useState(initial?.mission ?? "");
  const [charter, setCharter] = useState(initial?.charter ?? "");
  const [retention, setRetention] = useState(String(initial?.retentionMonths ?? ""));
  const prefix = initial ? `group-${initial.id}` : "group-new";
  return (
    <form
      class="memory-form"
      onSubmit={(e) => {
        e.preventDefault();
        // While busy the button stays enabled (so the focus stays on it) and a second press is ignored.
        if (busy || !name.trim()) return;
        onSubmit({
          name: name.trim(),
          mission: mission.trim() || null,
          charter: charter.trim() || null,
          retentionMonths: retention === "" ? null : Number(retention),
        });
      }}
    >
      <label for={`${prefix}-name`}>{tm("mem_name")}</label>
      <input
        id={`${prefix}-name`}
        type="text"
        required
        maxLength={80}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <label for={`${prefix}-mission`}>{tm("mem_mission")}</label>
      <textarea
        id={`${prefix}-mission`}
        rows={2}
        maxLength={1000}
        value={mission}
        onInput={(e) => setMission(e.currentTarget.value)}
      />
      <label for={`${prefix}-charter`}>{tm("mem_charter")}</label>
      <textarea
        id={`${prefix}-charter`}
        rows={3}
        maxLength={4000}
        value={charter}
        onInput={(e) => setCharter(e.currentTarget.value)}
      />
      <label for={`${prefix}-retention`}>{tm("mem_retention")}</label>
      <select id={`${prefix}-retention`} value={retention} onChange={(e) => setRetention(e.currentTarget.value)}>
        <option value="">{tm("mem_retentionNone")}</option>
        {RETENTION_CHOICES.map((n) => (
          <option key={n} value={String(n)}>
            {tm("mem_retentionMonths", { n })}
          </option>
        ))}
      </select>
      <button type="submit" class="primary" disabled={!name.trim()}>
        {submitLabel}
      </button>
    </form>
  );
}
