import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrStatuses,parseAdr}from"./OJYDK22E.js";import"./BK7OOKN6.js";import"./3VXCQX2O.js";export{adrStatuses,parseAdr};
