// A hook for one control's command: sends it, tracks whether it is in flight, and keeps the room's refusal to show beside it.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Command } from "../../protocol/commands.ts";
import type { RejectionReason } from "../../protocol/errors.ts";
import type { MessageKey } from "../i18n/fr.ts";
import type { Outcome, RoomStore } from "./RoomStore.ts";

export interface CommandControl {
  run(command: Command, onApplied?: () => void, onRefused?: (reason: MessageKey) => void): void;
  pending: boolean;
  /** The refusal in words: its specific reason when the panel knows it, else its code's. */
  error: MessageKey | null;
  clearError(): void;
}

/** Refusals whose reason says more than their code; a reason this panel does not know reads as none. */
const REASONS: Record<RejectionReason, MessageKey> = {
  animatorClient: "why_animatorClient",
  clientAnimates: "why_clientAnimates",
  animatorRole: "why_animatorRole",
  chooseFirst: "chooseFirst",
  chosen: "why_chosen",
  timeUp: "why_timeUp",
  staleReport: "staleReport",
};

const isKnownReason = (r: string | undefined): r is RejectionReason => r !== undefined && Object.hasOwn(REASONS, r);

export function refusal(outcome: Extract<Outcome, { ok: false }>): MessageKey {
  return isKnownReason(outcome.reason) ? REASONS[outcome.reason] : `err_${outcome.code}`;
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
    run(command, onApplied, onRefused) {
      setError(null);
      setPending(true);
      store.send(command, (outcome) => {
        // The callback outlives the control when the phase changes before the room answers.
        if (outcome.ok) onApplied?.();
        if (!mounted.current) return;
        setPending(false);
        if (!outcome.ok) {
          const why = refusal(outcome);
          setError(why);
          onRefused?.(why);
        }
      });
    },
  };
}
