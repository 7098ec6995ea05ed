// The language and theme switches, visible on every screen.
import { LANG_NAMES, LANGS, lang, setLang, t } from "../i18n/i18n.ts";
import { useObserve } from "../model/observable.ts";
import { setTheme, THEMES, type Theme, theme } from "../theme/theme.ts";

const THEME_KEYS = { system: "themeSystem", light: "themeLight", dark: "themeDark" } as const;

export function Settings() {
  useObserve(lang, theme);
  return (
    <div class="settings">
      <fieldset class="segmented">
        <legend class="sr-only">{t("language")}</legend>
        {LANGS.map((l) => (
          <button key={l} type="button" lang={l} aria-pressed={lang.value === l} onClick={() => setLang(l)}>
            {l.toUpperCase()}
            <span class="sr-only"> {LANG_NAMES[l]}</span>
          </button>
        ))}
      </fieldset>
      <label class="theme-pick">
        <span class="sr-only">{t("theme")}</span>
        <select
          value={theme.value}
          onChange={(e) => {
            const v = e.currentTarget.value;
            const next = THEMES.find((x): x is Theme => x === v);
            if (next) setTheme(next);
          }}
        >
          {THEMES.map((x) => (
            <option key={x} value={x}>
              {t(THEME_KEYS[x])}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
