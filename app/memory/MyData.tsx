// Data rights for the reader: download everything the memory holds about them, as JSON.
import { useState } from "preact/hooks";
import type { MemoryApi } from "./api.ts";
import { failure, saveFile } from "./format.ts";
import { tm } from "./i18n/tm.ts";

export function MyData({ api }: { api: MemoryApi }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await api.file("/api/me/export", "codev-my-data.json");
      saveFile(file.filename, file.text, "application/json");
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="memory-data-title">
      <h2 id="memory-data-title">{tm("mem_tab_data")}</h2>
      <p>{tm("mem_dataIntro")}</p>
      <button type="button" class="primary" disabled={busy} onClick={() => void download()}>
        {tm("mem_downloadData")}
      </button>
      {error && (
        <p class="feedback" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
