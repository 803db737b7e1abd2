import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{connectionCode,explainFailure,unreachableHint}from"./42SMNEL4.js";import"./QNVOILEB.js";import"./3VXCQX2O.js";export{connectionCode,explainFailure,unreachableHint};
