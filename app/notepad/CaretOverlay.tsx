// Other writers' carets over the textarea, each with their name in their colour; decorative, the list says the same.
import { useEffect, useState } from "preact/hooks";
import { type CaretBox, caretBoxes } from "./caretBoxes.ts";
import type { Writer } from "./otherWriters.ts";

interface Props {
  textarea: HTMLTextAreaElement | null;
  writers: readonly Writer[];
}

export function CaretOverlay({ textarea, writers }: Props) {
  const placed = writers.filter((w) => w.index !== null);
  const [boxes, setBoxes] = useState<CaretBox[]>([]);
  const key = placed.map((w) => `${w.clientId}:${w.index}`).join();
  // The key stands for the carets' positions: the effect reruns only when one moves.
  useEffect(() => {
    if (!textarea || placed.length === 0) {
      setBoxes([]);
      return;
    }
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() =>
        setBoxes(
          caretBoxes(
            textarea,
            placed.map((w) => w.index ?? 0),
          ),
        ),
      );
    };
    measure();
    textarea.addEventListener("scroll", measure);
    textarea.addEventListener("input", measure);
    const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    resized?.observe(textarea);
    return () => {
      cancelAnimationFrame(frame);
      textarea.removeEventListener("scroll", measure);
      textarea.removeEventListener("input", measure);
      resized?.disconnect();
    };
  }, [textarea, key]);
  if (!textarea) return null;
  const height = textarea.clientHeight;
  return (
    <div class="notepad-carets" aria-hidden="true">
      {placed.map((w, i) => {
        const box = boxes[i];
        if (!box || box.top + box.height < 0 || box.top > height) return null;
        return (
          <div
            key={w.clientId}
            // On the first visible line the name goes below the caret, where the overlay does not clip it.
            class={`notepad-caret notepad-colour-${w.colour}${box.top < box.height ? " below" : ""}`}
            style={{ top: `${box.top}px`, left: `${box.left}px`, height: `${box.height}px` }}
          >
            {/* A new tag (its fade-out starts again) only when the writer goes to another line: the name shows
                where they arrive, then leaves the text of the line above readable; the list names them all along. */}
            <span key={w.line} class="notepad-caret-name">
              {w.name}
            </span>
          </div>
        );
      })}
    </div>
  );
}
