import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{readTechnicalContext}from"./CVVXFY7R.js";import"./YRGU5J4I.js";import"./W4N3BYYK.js";import"./3VXCQX2O.js";export{readTechnicalContext};
