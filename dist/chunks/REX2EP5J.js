import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{followUp}from"./W24XK7JQ.js";import"./3TLJ7QBT.js";import"./ILDX7VOQ.js";import"./I6DCJQLU.js";import"./LH3ZORV3.js";import"./QNVOILEB.js";import"./3VXCQX2O.js";export{followUp};
