import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
var StaleBranchError=class extends Error{constructor(branch){super(`branch ${branch} moved while the files were being written`)}};function isReadOnlyRefusal(error){return typeof error=="object"&&error!==null&&error.status===403}export{StaleBranchError,isReadOnlyRefusal};
