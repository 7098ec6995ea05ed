// The group itself: its members and mission for everyone; settings, retention and deletion for its creator or animator.
import { useState } from "preact/hooks";
import * as v from "valibot";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { t } from "../i18n/i18n.ts";
import type { MemoryApi } from "./api.ts";
import { failure } from "./format.ts";
import { GroupForm, type GroupSettings } from "./GroupForm.tsx";
import { tm } from "./i18n/tm.ts";
import { GroupAnswerSchema, GroupSchema, OkSchema } from "./schemas.ts";
import { useLoad } from "./useLoad.ts";

const GroupDetailSchema = v.object({
  group: GroupSchema,
  members: v.array(v.object({ userId: v.string(), displayName: v.string() })),
});

interface Props {
  api: MemoryApi;
  groupId: string;
  /** The reader animates a meeting of this group right now (the server checks it again). */
  animating: boolean;
  onChanged: () => void;
  onDeleted: () => void;
}

export function GroupSettingsPanel({ api, groupId, animating, onChanged, onDeleted }: Props) {
  const path = `/api/groups/${encodeURIComponent(groupId)}`;
  const detail = useLoad(() => api.json("GET", path, GroupDetailSchema), [path]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [deleted, setDeleted] = useState(false);
  if (deleted) return <p role="status">{tm("mem_groupDeleted")}</p>;
  const data = detail.data;
  if (!data) {
    return detail.loading ? (
      <p class="muted" role="status">
        {t("loading")}
      </p>
    ) : (
      <p class="feedback" role="alert">
        {failure(detail.error)}
      </p>
    );
  }
  const { group, members } = data;
  const manager = group.createdByMe || animating;
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      setMessage({ text: done, error: false });
      return true;
    } catch (err) {
      setMessage({ text: failure(err), error: true });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async (settings: GroupSettings) => {
    if (await act(() => api.json("PATCH", path, GroupAnswerSchema, settings), tm("mem_saved"))) {
      detail.reload();
      onChanged();
    }
  };
  const remove = async () => {
    if (await act(() => api.json("DELETE", path, OkSchema), tm("mem_groupDeleted"))) {
      setDeleted(true);
      onDeleted();
    }
  };
  return (
    <section aria-labelledby="memory-group-settings-title">
      <h2 id="memory-group-settings-title">{group.name}</h2>
      {group.mission && <p class="memory-text">{group.mission}</p>}
      <p class="muted">
        {group.retentionMonths === null ? tm("mem_keptForever") : tm("mem_keptFor", { n: group.retentionMonths })}
      </p>
      <h3>{tm("mem_members", { n: members.length })}</h3>
      <ul class="memory-members">
        {members.map((m) => (
          <li key={m.userId}>{m.displayName}</li>
        ))}
      </ul>
      {manager && (
        <>
          <h3>{tm("mem_settings")}</h3>
          <GroupForm initial={group} submitLabel={tm("mem_save")} busy={busy} onSubmit={(s) => void save(s)} />
          <ConfirmButton
            class="danger"
            question={tm("mem_confirmDeleteGroup")}
            disabled={busy}
            onConfirm={() => void remove()}
          >
            {tm("mem_deleteGroup")}
          </ConfirmButton>
        </>
      )}
      {message && (
        <p class={message.error ? "feedback" : "muted"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
