// Dev-mode start page: create a room or join one by code, with a name; or watch a demo consultation.
import { useState } from "preact/hooks";
import { LIMITS } from "../../protocol/limits.ts";
import { Settings } from "../components/Settings.tsx";
import { td } from "../i18n/dev.ts";
import { t } from "../i18n/i18n.ts";
import { type DevJoin, newRoomCode, roomCode } from "../platform/dev.ts";
import "./dev.css";

interface Props {
  error: string | null;
  onJoin: (join: DevJoin) => void;
  onDemo: (name: string) => void;
}

export function StartPage({ error, onJoin, onDemo }: Props) {
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [parent, setParent] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const named = () => {
    if (name.trim()) return name.trim();
    setProblem(td("nameRequired"));
    return null;
  };
  /** The main room's code when one was typed, undefined when none, null (with the problem shown) when invalid. */
  const mainRoom = (room: string): string | undefined | null => {
    if (!parent.trim()) return undefined;
    const main = roomCode(parent);
    if (!main) setProblem(td("parentInvalid"));
    else if (main === room) setProblem(td("parentSame"));
    else return main;
    return null;
  };
  const enter = (room: string, who: string, host: boolean) => {
    const main = mainRoom(room);
    if (main !== null) onJoin({ room, name: who, host, ...(main ? { parent: main } : {}) });
  };
  const create = () => {
    const who = named();
    if (who) enter(newRoomCode(), who, true);
  };
  const join = (e: Event) => {
    e.preventDefault();
    // Enter in the name field, with no code typed: the page's first action, creating a room.
    if (!code.trim()) return create();
    const who = named();
    if (!who) return;
    const room = roomCode(code);
    if (!room) return setProblem(td("codeInvalid"));
    enter(room, who, false);
  };
  return (
    <main class="page start">
      <Settings />
      <h1>
        {t("appName")} <span class="subtitle">{td("startTitle")}</span>
      </h1>
      <p>{td("startIntro")}</p>
      <form class="panel" onSubmit={join}>
        <label for="start-name">{t("yourName")}</label>
        <input
          id="start-name"
          type="text"
          autocomplete="name"
          maxLength={LIMITS.name}
          value={name}
          onInput={(e) => {
            setName(e.currentTarget.value);
            setProblem(null);
          }}
        />
        <button type="button" class="primary wide" onClick={create}>
          {t("createRoom")}
        </button>
        <label for="start-code">{t("roomCode")}</label>
        <p class="hint" id="start-code-hint">
          {td("roomCodeHint")}
        </p>
        <div class="form-row">
          <CodeInput
            id="start-code"
            value={code}
            onInput={(v) => {
              setCode(v);
              setProblem(null);
            }}
          />
          <button type="submit">{t("joinRoom")}</button>
        </div>
        <label for="start-parent">{td("parentCode")}</label>
        <p class="hint" id="start-parent-hint">
          {td("parentHint")}
        </p>
        <CodeInput
          id="start-parent"
          value={parent}
          onInput={(v) => {
            setParent(v);
            setProblem(null);
          }}
        />
        {(problem ?? error) && (
          <p class="feedback" role="alert">
            {problem ?? error}
          </p>
        )}
      </form>
      {
        <section class="panel" aria-labelledby="demo-title">
          <h2 id="demo-title">{td("demoTitle")}</h2>
          <p>{td("demoIntro")}</p>
          <button type="button" onClick={() => onDemo(name.trim() || td("demoYou"))}>
            {td("demoStart")}
          </button>
        </section>
      }
    </main>
  );
}

/** A room code as typed (no capitals or spelling fixes forced on it), read with its hint `${id}-hint`. */
function CodeInput({ id, value, onInput }: { id: string; value: string; onInput: (value: string) => void }) {
  return (
    <input
      id={id}
      type="text"
      autocapitalize="none"
      spellcheck={false}
      aria-describedby={`${id}-hint`}
      value={value}
      onInput={(e) => onInput(e.currentTarget.value)}
    />
  );
}
