// Entry point of the panel (placeholder until the panel lands).
import { render } from "preact";

render(<p>Codev</p>, document.getElementById("app") ?? document.body);
