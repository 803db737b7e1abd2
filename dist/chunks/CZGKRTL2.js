import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{resolveConfig}from"./FRKKHO7K.js";import"./FT6GL3C4.js";import"./ARUCH3TY.js";import{configPath}from"./XJQ5AREN.js";import"./VI4L6CL6.js";import"./W4N3BYYK.js";import"./XW6XKKN4.js";import"./3VXCQX2O.js";export{configPath,resolveConfig};
