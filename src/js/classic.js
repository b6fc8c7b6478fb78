// The entry point of the classic-script builds, for a tag manager or a CMS template: one
// `<script>` tag, no bundler, no module loader. It defines the global `Augenblick`, the same
// class the ESM build exports (`Augenblick.init(options)` and everything after it).
import { Augenblick } from "./augenblick.js";

globalThis.Augenblick = Augenblick;
