// The animator's controls in the lobby: attach the meeting to one of their groups, create one, or detach it.
import { useState } from "preact/hooks";
import type { MeetingGroup } from "../../protocol/model.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { t } from "../i18n/i18n.ts";
import type { MemoryApi } from "./api.ts";
import { failure } from "./format.ts";
import { GroupForm, type GroupSettings } from "./GroupForm.tsx";
import { tm } from "./i18n/tm.ts";
import { GroupAnswerSchema, type MyGroup, MyGroupsSchema } from "./schemas.ts";

interface Props {
  api: MemoryApi;
  current: MeetingGroup | null;
}

type Mode = { kind: "idle" } | { kind: "pick"; groups: MyGroup[] } | { kind: "create" };

/** Nothing is asked of the server until the animator opens a choice: the lobby itself costs no request. */
export function AttachGroup({ api, current }: Props) {
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [picked, setPicked] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs one request; `done` says whether the controls go back to their resting state afterwards. */
  const act = async (work: () => Promise<unknown>, done = true) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      if (done) setMode({ kind: "idle" });
      setPicked("");
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };
  const pick = () =>
    act(async () => {
      const mine = await api.json("GET", "/api/groups", MyGroupsSchema);
      setMode({ kind: "pick", groups: mine.groups.filter((g) => g.id !== current?.id) });
    }, false);
  const attach = (groupId: string | null) =>
    act(() => api.json("PUT", "/api/meeting/group", GroupAnswerSchema, { groupId }));
  const create = (settings: GroupSettings) => act(() => api.json("POST", "/api/groups", GroupAnswerSchema, settings));

  return (
    <div class="memory-attach">
      {mode.kind === "idle" && (
        <>
          <button type="button" disabled={busy} onClick={() => void pick()}>
            {tm(current ? "mem_changeGroup" : "mem_pickGroup")}
          </button>
          {!current && (
            <button type="button" onClick={() => setMode({ kind: "create" })}>
              {tm("mem_createTitle")}
            </button>
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
        </>
      )}
      {mode.kind === "pick" &&
        (mode.groups.length === 0 ? (
          <p class="empty">{tm("mem_noOtherGroups")}</p>
        ) : (
          <form
            class="form-row"
            onSubmit={(e) => {
              e.preventDefault();
              if (picked) void attach(picked);
            }}
          >
            <label for="memory-attach-pick">{tm("mem_pickGroup")}</label>
            <select id="memory-attach-pick" value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
              <option value="">—</option>
              {mode.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
            <button type="submit" class="primary" disabled={busy || !picked}>
              {tm("mem_attach")}
            </button>
          </form>
        ))}
      {mode.kind === "create" && (
        <div class="memory-create">
          <h3>{tm("mem_createTitle")}</h3>
          <GroupForm initial={null} submitLabel={tm("mem_create")} busy={busy} onSubmit={(s) => void create(s)} />
        </div>
      )}
      {mode.kind !== "idle" && (
        <button type="button" class="quiet" onClick={() => setMode({ kind: "idle" })}>
          {t("cancel")}
        </button>
      )}
      {error && (
        <p class="feedback" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
