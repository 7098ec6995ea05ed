// What the live room needs, loaded as its own chunk in parallel with the session handshake (the room cannot show before it);
// also the notice a plain browser gets in the production build, which has no dev mode.
export { openRoom } from "./model/openRoom.ts";
export { NotInZoom } from "./views/NotInZoom.tsx";
export { RoomView } from "./views/RoomView.tsx";
