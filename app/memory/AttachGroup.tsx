// The animator's controls for the meeting's group: attach it to one of their groups, create one, or detach it.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
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
  /** Called once the meeting's group has changed; the caller then places the focus itself. */
  onDone?: () => void;
}

type Mode = { kind: "idle" } | { kind: "pick"; groups: MyGroup[] } | { kind: "create" };

/** Nothing is asked of the server until the animator opens a choice: the lobby itself costs no request. */
export function AttachGroup({ api, current, onDone }: Props) {
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [picked, setPicked] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // Opening or closing a choice removes the focused button, so after that render the focus goes where `focus`
  // says: the choice's first field, or back to the button that opened it (`opener`).
  const focus = useRef("");
  const opener = useRef("");
  // A layout effect: it runs right after this render, where a deferred effect may first run on the previous DOM.
  useLayoutEffect(() => {
    if (focus.current) box.current?.querySelector<HTMLElement>(focus.current)?.focus();
    focus.current = "";
  });
  const show = (next: Mode, to = "select,input,button") => {
    if (mode.kind === "idle") opener.current = `[data-open=${next.kind}]`;
    focus.current = to;
    setMode(next);
  };

  /** Runs one request; the buttons stay enabled meanwhile (a second press is ignored) so the focus stays put. */
  const act = async (work: () => Promise<unknown>, then?: () => void) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
      then?.();
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };
  /** Once the group changed: "pick" is the one button every resting state keeps ("Créer un groupe" goes). */
  const changed = () => {
    setPicked("");
    show({ kind: "idle" }, onDone ? "" : "[data-open=pick]");
    onDone?.();
  };
  const pick = () =>
    act(async () => {
      const mine = await api.json("GET", "/api/groups", MyGroupsSchema);
      show({ kind: "pick", groups: mine.groups.filter((g) => g.id !== current?.id) });
    });
  const attach = (groupId: string | null) =>
    act(() => api.json("PUT", "/api/meeting/group", GroupAnswerSchema, { groupId }), changed);
  const create = (settings: GroupSettings) =>
    act(() => api.json("POST", "/api/groups", GroupAnswerSchema, settings), changed);
  const createButton = (
    <button type="button" data-open="create" onClick={() => show({ kind: "create" })}>
      {tm("mem_createTitle")}
    </button>
  );

  return (
    <div class="memory-attach" ref={box}>
      {mode.kind === "idle" && (
        <>
          <button type="button" data-open="pick" onClick={() => void pick()}>
            {tm(current ? "mem_changeGroup" : "mem_pickGroup")}
          </button>
          {!current && createButton}
          {current && (
            <ConfirmButton class="quiet" question={tm("mem_confirmDetach")} onConfirm={() => void attach(null)}>
              {tm("mem_detach")}
            </ConfirmButton>
          )}
        </>
      )}
      {mode.kind === "pick" &&
        (mode.groups.length === 0 ? (
          <>
            <p class="empty">{tm(current ? "mem_noOtherGroups" : "mem_noGroups")}</p>
            {createButton}
          </>
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
            <button type="submit" class="primary" disabled={!picked}>
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
        <button type="button" class="quiet" onClick={() => show({ kind: "idle" }, opener.current)}>
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
