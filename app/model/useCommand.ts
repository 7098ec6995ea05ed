// A hook for one control's command: sends it, tracks whether it is in flight, and keeps the room's refusal to show beside it.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Command } from "../../protocol/commands.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import type { RoomStore } from "./RoomStore.ts";

export interface CommandControl {
  run(command: Command, onApplied?: () => void): void;
  pending: boolean;
  error: ErrorCode | null;
  clearError(): void;
}

export function useCommand(store: RoomStore): CommandControl {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
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
        if (!outcome.ok) setError(outcome.code);
      });
    },
  };
}
