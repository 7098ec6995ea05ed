// Start-up in a plain browser: dev mode's start page, direct join by URL, the notice when dev mode is off; the dev platform.
import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../app/App.tsx";
import { newRoomCode, participantIdFor, roomCode } from "../../app/platform/dev.ts";
import type { Platform } from "../../app/platform/Platform.ts";
import { ZoomSessionError } from "../../app/platform/zoom.ts";
import { StartPage } from "../../app/views/StartPage.tsx";
import "./support/setup.ts";

// The real SDK waits for a Zoom client that happy-dom cannot be; tests say whether the page is "inside Zoom".
const zoom = vi.hoisted(() => ({ platform: null as Platform | null }));
vi.mock("../../app/platform/zoom.ts", () => {
  class ZoomSessionError extends Error {
    constructor(readonly reason: "not_in_meeting" | "refused" | "unreachable") {
      super(reason);
    }
  }
  return { detectZoom: async () => zoom.platform, ZoomSessionError };
});

afterEach(() => {
  zoom.platform = null;
  vi.unstubAllGlobals();
  history.replaceState(null, "", "/");
});

function stubServer(devMode: boolean) {
  const calls: string[] = [];
  vi.stubGlobal("fetch", async (url: string) => {
    calls.push(String(url));
    if (String(url).endsWith("/api/dev/status")) return new Response(JSON.stringify({ devMode }));
    return new Response(JSON.stringify({ message: "no server here" }), { status: 500 });
  });
  return calls;
}

describe("start-up", () => {
  it("shows the start page in dev mode", async () => {
    stubServer(true);
    render(<App baseUrl="http://local" />);
    await screen.findByRole("button", { name: "Créer une salle" });
    expect(screen.getByLabelText("Votre nom")).toBeTruthy();
  });

  it("asks to open the app inside Zoom when dev mode is off", async () => {
    stubServer(false);
    render(<App baseUrl="http://local" />);
    await screen.findByRole("heading", { name: "Ouvrez Codev dans Zoom" });
  });

  it("inside Zoom, says why no session could be had and offers to try again", async () => {
    let attempts = 0;
    zoom.platform = {
      kind: "zoom",
      getSession: async () => {
        attempts++;
        throw new ZoomSessionError("unreachable");
      },
      inviteAll: async () => false,
      onContextChange: () => () => {},
    };
    render(<App baseUrl="http://local" />);
    await screen.findByText(/le serveur est injoignable/);
    fireEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    await waitFor(() => expect(attempts).toBe(2));
    await screen.findByRole("button", { name: "Réessayer" });
  });

  it("joins directly from ?room=&name=, and says so when the server refuses", async () => {
    const calls = stubServer(true);
    history.replaceState(null, "", "/?room=abc-123&name=Zoé");
    render(<App baseUrl="http://local" />);
    await screen.findByText(/Impossible de rejoindre la salle : no server here/);
    expect(calls).toContain("http://local/api/dev/session");
  });
});

describe("start page", () => {
  it("asks for a name, then creates a room with a fresh code as host", () => {
    const onJoin = vi.fn();
    render(<StartPage error={null} onJoin={onJoin} onDemo={vi.fn()} />);
    fireEvent.click(screen.getByRole("button", { name: "Créer une salle" }));
    expect(screen.getByRole("alert").textContent).toBe("Indiquez votre nom.");
    fireEvent.input(screen.getByLabelText("Votre nom"), { target: { value: "Anna" } });
    fireEvent.click(screen.getByRole("button", { name: "Créer une salle" }));
    expect(onJoin).toHaveBeenCalledWith({
      room: expect.stringMatching(/^[a-z0-9]{3}-[a-z0-9]{3}$/),
      name: "Anna",
      host: true,
    });
  });

  it("joins a room by code, refusing a code that cannot be one", () => {
    const onJoin = vi.fn();
    render(<StartPage error={null} onJoin={onJoin} onDemo={vi.fn()} />);
    fireEvent.input(screen.getByLabelText("Votre nom"), { target: { value: "Ben" } });
    fireEvent.input(screen.getByLabelText("Code de la salle"), { target: { value: "pas un code!" } });
    fireEvent.click(screen.getByRole("button", { name: "Rejoindre" }));
    expect(screen.getByRole("alert").textContent).toMatch(/lettres minuscules/);
    fireEvent.input(screen.getByLabelText("Code de la salle"), { target: { value: " ABC-123 " } });
    fireEvent.click(screen.getByRole("button", { name: "Rejoindre" }));
    expect(onJoin).toHaveBeenCalledWith({ room: "abc-123", name: "Ben", host: false });
  });

  it("creates a room on Enter in the name field when no code is typed, instead of refusing an empty code", () => {
    const onJoin = vi.fn();
    render(<StartPage error={null} onJoin={onJoin} onDemo={vi.fn()} />);
    const name = screen.getByLabelText("Votre nom");
    fireEvent.input(name, { target: { value: "Zoé" } });
    const form = name.closest("form");
    if (!form) throw new Error("the name is not in a form");
    fireEvent.submit(form);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(onJoin).toHaveBeenCalledWith({
      room: expect.stringMatching(/^[a-z0-9]{3}-[a-z0-9]{3}$/),
      name: "Zoé",
      host: true,
    });
  });

  it("joins as a breakout room of a main room, and refuses a room that would be its own", () => {
    const onJoin = vi.fn();
    render(<StartPage error={null} onJoin={onJoin} onDemo={vi.fn()} />);
    fireEvent.input(screen.getByLabelText("Votre nom"), { target: { value: "Ben" } });
    fireEvent.input(screen.getByLabelText("Code de la salle"), { target: { value: "g1" } });
    fireEvent.input(screen.getByLabelText("Sous-groupe de la salle (facultatif)"), { target: { value: "g1" } });
    fireEvent.click(screen.getByRole("button", { name: "Rejoindre" }));
    expect(screen.getByRole("alert").textContent).toMatch(/son propre sous-groupe/);
    fireEvent.input(screen.getByLabelText("Sous-groupe de la salle (facultatif)"), { target: { value: "Main" } });
    fireEvent.click(screen.getByRole("button", { name: "Rejoindre" }));
    expect(onJoin).toHaveBeenCalledWith({ room: "g1", name: "Ben", host: false, parent: "main" });
  });
});

describe("dev platform", () => {
  it("keeps one participant id per name, so a reload or a later meeting is the same person and other tabs are others", () => {
    const a = participantIdFor("Anna");
    expect(participantIdFor("Anna")).toBe(a);
    expect(participantIdFor("anna ")).toBe(a);
    expect(participantIdFor("Ben")).not.toBe(a);
  });

  it("makes readable room codes and accepts only valid ones", () => {
    expect(roomCode(newRoomCode())).not.toBeNull();
    expect(roomCode("Ab-1")).toBe("ab-1");
    expect(roomCode("a b")).toBeNull();
  });
});
