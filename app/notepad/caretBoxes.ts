// Where characters of a textarea sit, measured in a hidden mirror that wraps the text exactly as the textarea does.

export interface CaretBox {
  /** In the textarea's border box, scrolling included. */
  top: number;
  left: number;
  height: number;
}

const COPIED = [
  "box-sizing",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "font-variant",
  "letter-spacing",
  "line-height",
  "text-transform",
  "word-spacing",
  "text-indent",
  "tab-size",
  "padding-top",
  "padding-right",
  "padding-bottom",
  "padding-left",
];

/** One layout for all the indices: the text split at each, with an empty marker at every split. */
export function caretBoxes(textarea: HTMLTextAreaElement, indices: readonly number[]): CaretBox[] {
  const host = textarea.parentElement;
  if (!host || indices.length === 0) return [];
  const style = getComputedStyle(textarea);
  const mirror = document.createElement("div");
  for (const p of COPIED) mirror.style.setProperty(p, style.getPropertyValue(p));
  const borderTop = Number.parseFloat(style.borderTopWidth) || 0;
  const borderLeft = Number.parseFloat(style.borderLeftWidth) || 0;
  Object.assign(mirror.style, {
    position: "absolute",
    visibility: "hidden",
    overflow: "hidden",
    whiteSpace: "pre-wrap",
    overflowWrap: "break-word",
    boxSizing: "border-box",
    border: "0",
    top: `${textarea.offsetTop + borderTop}px`,
    left: `${textarea.offsetLeft + borderLeft}px`,
    width: `${textarea.clientWidth}px`,
  });
  const text = textarea.value;
  const markers = new Map<number, HTMLElement>();
  let from = 0;
  for (const i of [...new Set(indices)].sort((a, b) => a - b)) {
    const at = Math.min(Math.max(i, from), text.length);
    mirror.appendChild(document.createTextNode(text.slice(from, at)));
    const marker = document.createElement("span");
    marker.textContent = "\u200b";
    mirror.appendChild(marker);
    markers.set(i, marker);
    from = at;
  }
  mirror.appendChild(document.createTextNode(`${text.slice(from)} `));
  host.appendChild(mirror);
  const lineHeight = Number.parseFloat(style.lineHeight) || (Number.parseFloat(style.fontSize) || 16) * 1.4;
  const boxes = indices.map((i) => {
    const marker = markers.get(i);
    return {
      top: (marker?.offsetTop ?? 0) + borderTop - textarea.scrollTop,
      left: (marker?.offsetLeft ?? 0) + borderLeft - textarea.scrollLeft,
      height: lineHeight,
    };
  });
  mirror.remove();
  return boxes;
}
