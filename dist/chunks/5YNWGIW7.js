import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{readAdr}from"./4VM3HFFI.js";import"./YB2XBBVY.js";import"./Z5N7STAZ.js";import"./2KJLFSMA.js";import"./3VXCQX2O.js";export{readAdr};
