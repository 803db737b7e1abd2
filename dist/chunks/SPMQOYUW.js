import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrStatuses,parseAdr}from"./YB2XBBVY.js";import"./Z5N7STAZ.js";import"./3VXCQX2O.js";export{adrStatuses,parseAdr};
