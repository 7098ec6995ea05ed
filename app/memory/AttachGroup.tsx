// The animator's controls in the lobby: attach the meeting to one of their groups, create one, or detach it.
import { useState } from "preact/hooks";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { t } from "../i18n/i18n.ts";
import type { MemoryApi } from "./api.ts";
import { failure } from "./format.ts";
import { GroupForm, type GroupSettings } from "./GroupForm.tsx";
import { tm } from "./i18n/tm.ts";
import { GroupAnswerSchema, type GroupView, MyGroupsSchema } from "./schemas.ts";
import { useLoad } from "./useLoad.ts";

interface Props {
  api: MemoryApi;
  current: GroupView | null;
  onChanged: () => void;
}

export function AttachGroup({ api, current, onChanged }: Props) {
  const mine = useLoad(() => api.json("GET", "/api/groups", MyGroupsSchema), [current?.id]);
  const others = (mine.data?.groups ?? []).filter((g) => g.id !== current?.id);
  const [picked, setPicked] = useState("");
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setCreating(false);
      setPicked("");
      onChanged();
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };
  const attach = (groupId: string | null) =>
    act(() => api.json("PUT", "/api/meeting/group", GroupAnswerSchema, { groupId }));
  const create = (settings: GroupSettings) => act(() => api.json("POST", "/api/groups", GroupAnswerSchema, settings));

  return (
    <div class="memory-attach">
      {others.length > 0 && (
        <form
          class="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) void attach(picked);
          }}
        >
          <label for="memory-attach-pick">{tm(current ? "mem_changeGroup" : "mem_pickGroup")}</label>
          <select id="memory-attach-pick" value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
            <option value="">—</option>
            {others.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || !picked}>
            {tm("mem_attach")}
          </button>
        </form>
      )}
      {current && (
        <ConfirmButton
          class="quiet"
          question={tm("mem_confirmDetach")}
          disabled={busy}
          onConfirm={() => void attach(null)}
        >
          {tm("mem_detach")}
        </ConfirmButton>
      )}
      {!current &&
        (creating ? (
          <div class="memory-create">
            <h3>{tm("mem_createTitle")}</h3>
            <GroupForm initial={null} submitLabel={tm("mem_create")} busy={busy} onSubmit={(s) => void create(s)} />
            <button type="button" class="quiet" onClick={() => setCreating(false)}>
              {t("cancel")}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setCreating(true)}>
            {tm("mem_createTitle")}
          </button>
        ))}
      {error && (
        <p class="feedback" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
