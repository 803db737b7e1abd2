import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{resolveConfig}from"./YXIQY7E4.js";import"./OYXFEDQQ.js";import"./ARUCH3TY.js";import{configPath}from"./XJQ5AREN.js";import"./2KJLFSMA.js";import"./W4N3BYYK.js";import"./BT5N6MRW.js";import"./3VXCQX2O.js";export{configPath,resolveConfig};
