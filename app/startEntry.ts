// What a plain browser needs in the local build: the dev-mode platform, start page and flow, or the notice to open the app inside Zoom.
export { devStart } from "./devStart.ts";
export { devModeOn, devPlatform, newRoomCode, roomCode } from "./platform/dev.ts";
export { NotInZoom } from "./views/NotInZoom.tsx";
export { StartPage } from "./views/StartPage.tsx";
