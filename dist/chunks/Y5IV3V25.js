import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{connectionCode,explainFailure,unreachableHint}from"./YED7SAM3.js";import"./VYIG3E5G.js";import"./3VXCQX2O.js";export{connectionCode,explainFailure,unreachableHint};
