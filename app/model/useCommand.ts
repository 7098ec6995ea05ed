// A hook for one control's command: sends it, tracks whether it is in flight, and keeps the room's refusal to show beside it.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Command } from "../../protocol/commands.ts";
import type { MessageKey } from "../i18n/fr.ts";
import type { Outcome, RoomStore } from "./RoomStore.ts";

export interface CommandControl {
  run(command: Command, onApplied?: () => void): void;
  pending: boolean;
  /** The refusal in words: its specific reason when the panel knows it, else its code's. */
  error: MessageKey | null;
  clearError(): void;
}

/** Refusals whose room message says more than their code (the room's messages are English, for logs). */
const REASONS: Record<string, MessageKey> = {
  "Hand the animator role over before being the client.": "why_animatorClient",
  "The client cannot animate their own consultation.": "why_clientAnimates",
  "Hand the animator role over first.": "why_animatorRole",
  "Choose the client's situation first.": "chooseFirst",
  "This situation has been chosen.": "why_chosen",
  "Time is up; add minutes instead.": "why_timeUp",
};

export function refusal(outcome: Extract<Outcome, { ok: false }>): MessageKey {
  return (outcome.message && REASONS[outcome.message]) || `err_${outcome.code}`;
}

export function useCommand(store: RoomStore): CommandControl {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  return {
    pending,
    error,
    clearError: () => setError(null),
    run(command, onApplied) {
      setError(null);
      setPending(true);
      store.send(command, (outcome) => {
        // The callback outlives the control when the phase changes before the room answers.
        if (outcome.ok) onApplied?.();
        if (!mounted.current) return;
        setPending(false);
        if (!outcome.ok) setError(refusal(outcome));
      });
    },
  };
}
