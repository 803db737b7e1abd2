import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{followUp}from"./HBYTVTDL.js";import"./3TLJ7QBT.js";import"./ILDX7VOQ.js";import"./M63KBCI2.js";import"./LH3ZORV3.js";import"./VYIG3E5G.js";import"./3VXCQX2O.js";export{followUp};
