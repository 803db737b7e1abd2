import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
var aiDraftedLabel="AI-drafted";export{aiDraftedLabel};
