// A button for a hard-to-undo action: it asks, in place, before acting; Escape or Cancel backs out.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n/i18n.ts";

interface Props {
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  class?: string;
  /** Accessible name when the visible text alone is ambiguous (e.g. one such button per person). */
  label?: string;
  children: ComponentChildren;
}

export function ConfirmButton({ question, onConfirm, disabled, class: cls, label, children }: Props) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  const stop = () => {
    setAsking(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  if (!asking) {
    return (
      <button
        type="button"
        ref={opener}
        class={cls}
        aria-label={label}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    );
  }
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-label={question}
      onKeyDown={(e) => {
        if (e.key === "Escape") stop();
      }}
    >
      <p>{question}</p>
      <button
        type="button"
        ref={yes}
        class="primary"
        onClick={() => {
          stop();
          onConfirm();
        }}
      >
        {t("confirm")}
      </button>
      <button type="button" onClick={stop}>
        {t("cancel")}
      </button>
    </div>
  );
}
